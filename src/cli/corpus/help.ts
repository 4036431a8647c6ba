/** The help texts of the corpus commands. */

const DB = `  --db FILE|URL               the corpus: a SQLite file or a postgres:// URL
                              (default: $WHOSAID_DB, else whosaid.db here)`;
const FILTERS = `  --speaker NAME              a person's name or any form of it ("Pompeo")
  --outlet NAME               one outlet
  --from YYYY-MM-DD           said (where the text says when) or published on or after
  --to YYYY-MM-DD             ... on or before
  --type TYPE                 statement (default), belief, intention, attitude, decree,
                              perception, evidence, or all
  --kind KIND                 direct, indirect or mixed`;

export const INGEST_HELP = `Usage: whosaid ingest [options] [PATH|URL|-]...

Analyses articles and stores them, with their attributions, people and dates, in the corpus. Takes
what extract takes: text and HTML files, URLs, "-" for stdin, JSON lines, WARC archives, and folders
(walked recursively: .txt, .html and .htm files, and .jsonl files as JSON lines). A file NAME.txt
or NAME.html may have a NAME.json beside it with {publishedAt, outlet, title, url}.

An article already stored (same id, or the same content under another id) is skipped; one whose
text changed replaces its old analysis. Articles are committed in batches: an interrupted ingest
keeps every finished batch, and running it again resumes.

Options:
${DB}
  --jsonl                     read JSON lines {id, text | html | url, publishedAt?, outlet?,
                              title?, url?} (url beside text or html is the article's address)
  --warc FILE                 read the HTML response records of a WARC archive
  --published YYYY-MM-DD      the reference date where an input gives none
  --format text|json          text (default): failures on stderr and a summary line; json: an
                              error record per failure and {"summary": …}, as JSON lines
  -j, --jobs N                worker threads analysing in parallel; the corpus is the same
                              whatever N (default: the number of cores; 1 analyses in this thread)
  --timeout-ms N              the time limit per article in a worker; an article past it fails
                              (input/timeout) and the rest goes on (default 60000 with workers;
                              0 for none; with --jobs 1 it runs one worker)
  -h, --help                  show this help

Examples:
  whosaid ingest examples/ --db corpus.db
  whosaid ingest --jsonl articles.jsonl
  whosaid ingest --warc CC-NEWS.warc.gz --db news.db
`;

export const SEARCH_HELP = `Usage: whosaid search QUERY [options]

Finds attributions by their words, best match first (SQLite FTS5, bm25). QUERY is plain words, all
of which must appear; "a phrase" in quotation marks; -word or -"a phrase" to exclude. Nothing in it
is query syntax: NEAR, AND, OR, *, ^ and : are searched as words or ignored.

Options:
${DB}
${FILTERS}
  --limit N                   at most N results (default 20)
  --format FORMAT             table (default), json, jsonl or csv
  -h, --help                  show this help

Example:
  whosaid search denuclearization --speaker Pompeo --from 2018-10-01
`;

export const SPEAKERS_HELP = `Usage: whosaid speakers [options]

Who is quoted in the corpus: each person's statements, articles, outlets, and the first and last
date, most quoted first.

Options:
${DB}
  --outlet NAME               statements in one outlet
  --from YYYY-MM-DD, --to YYYY-MM-DD
                              statements said (or published) in these dates
  --limit N                   at most N people
  --format FORMAT             table (default), json, jsonl or csv
  -h, --help                  show this help
`;

export const SPEAKER_HELP = `Usage: whosaid speaker NAME [options]

One person: the forms of their name, the roles they were given over time, and the timeline of
everything attributed to them. A name several people share shows each of them.

Options:
${DB}
  --format table|json         table (default) or json
  -h, --help                  show this help
`;

export const TRACE_HELP = `Usage: whosaid trace TEXT|ATTRIBUTION-ID [options]

Every copy of a statement in the corpus, earliest first, with its article, outlet, date and speaker.
A copy whose words differ from the earliest is a variant (a possible misquote), shown word by word:
[-removed-] {+added+}. Give the words of the statement (or some of them), or an attribution id
from search.

Options:
${DB}
  --format table|json         table (default) or json: {"groupId", "copies": [{"attributionId",
                              "articleId", "outlet", "publishedAt", "text", "speaker", "variant",
                              "diff"}]}
  -h, --help                  show this help
`;

export const EXPORT_HELP = `Usage: whosaid export [QUERY] [options]

Writes every attribution that matches the filters (and QUERY, if given, as in search), oldest
first, for spreadsheets and scripts.

Options:
${DB}
${FILTERS}
  --limit N                   at most N rows
  --format jsonl|csv          JSON lines (default) or CSV with a header line
  -h, --help                  show this help
`;
