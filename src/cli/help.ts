/** The text of `whosaid --help` and of each command's `--help`. */

export const MAIN_HELP = `whosaid: who said what, to whom, when, and according to whom, in news articles

Usage:
  whosaid extract [options] [FILE|URL|-]...   analyse articles (text or HTML files, URLs, stdin)
  whosaid extract --jsonl [FILE|-]            analyse JSON lines of articles, one analysis per line
  whosaid extract --warc FILE.warc.gz         analyse the pages of a WARC archive
  whosaid eval [options]                      score the engine on the shared evaluation data
  whosaid bench [options]                     measure the engine's throughput against bare wink-nlp

The corpus (--db FILE or postgres://URL, default $WHOSAID_DB, else whosaid.db):
  whosaid ingest [PATH|URL|-]...              analyse articles and store them in the corpus
  whosaid search QUERY                        find attributions by their words
  whosaid speakers                            who is quoted, how often, where
  whosaid speaker NAME                        one person's roles and statements over time
  whosaid trace TEXT|ATTRIBUTION-ID           every copy of a statement, earliest first, variants
  whosaid export --format csv|jsonl           attributions for spreadsheets and scripts
  whosaid serve [--db FILE] [--port N]        the HTTP API and the web page (http://127.0.0.1:8080/)

The fleet (--db postgres://…, one database for many workers on many machines):
  whosaid jobs add FILE.warc.gz...            split archives into chunks and queue them
  whosaid jobs status [--format json]         chunks done, pending and failed; throughput
  whosaid jobs rebuild                        queue again the chunks not done that have no job
  whosaid worker [--concurrency N]            run queued chunks (--exit-when-idle: until none is left)

Options:
  -h, --help       show help (also: whosaid COMMAND --help)
  -v, --version    print the version

Exit codes: 0 ok; 1 some inputs failed or targets not met; 2 usage error; 66 input not found;
70 internal error.
`;

export const EXTRACT_HELP = `Usage: whosaid extract [options] [FILE|URL|-]...

Analyses each input: a text file, an HTML file (.html, .htm, or content starting "<!doctype html" or
"<html"), an http(s) URL, or "-" for stdin (the default). On a terminal it prints a table of the
statements found; piped, it writes the analysis as JSON.

Options:
  --format table|json|jsonl|csv
                              the output (default: table on a terminal, json otherwise); json with
                              several inputs is an array, jsonl one analysis per line, csv one row
                              per attribution with a header row (article, id, type, kind, speaker,
                              mention, cue, addressee, relays, said_on, text, start, end, confidence)
  --all                       every attribution type (belief, intention, attitude, decree,
                              perception, evidence), with a type column; default statements only
  --explain                   with the table, each attribution's confidence and reasons
  --wide                      with the table, quotes whole (wrapped), not cut to the width
  --explain-dropped           with --explain, also what whosaid decided not to report: each dropped
                              candidate with its reason (under the table; "dropped" in the JSON)
  --published YYYY-MM-DD      the publication date, the reference for relative dates ("Tuesday"),
                              where an input gives none (a page's own date or a line's
                              publishedAt wins)
  --jsonl                     read JSON lines {id, text | html | url, publishedAt?} from FILE or stdin
                              and write one analysis per line with the same id; a bad line becomes
                              {"id", "line", "error": {"code", "message"}} and the rest goes on
  --warc FILE                 read the response records of a WARC archive (.warc or .warc.gz); each
                              analysis carries "warc": {recordId, uri, date}
  --from N                    with --warc: start at record N (0-based)
  --limit N                   with --warc: at most N records
  -j, --jobs N                worker threads analysing in parallel, output in input order
                              (default: the number of cores; 1 analyses in this thread)
  --timeout-ms N              the time limit per article in a worker; an article past it becomes
                              an error record (input/timeout) and the rest goes on (default 60000
                              with workers; 0 for none; with --jobs 1 it runs one worker)
  --max-bytes SIZE            the largest article read, e.g. 20MB (default 5MB, 10MB for a URL's
                              page): a larger file, stdin, line, page or record is an
                              input/too-large error, and reading stops there
  -h, --help                  show this help

Examples:
  whosaid extract article.txt --published 2025-11-13
  whosaid extract --all --explain page.html
  cat articles.jsonl | whosaid extract --jsonl > analyses.jsonl
`;

export const EVAL_HELP = `Usage: whosaid eval [options]

Analyses the shared evaluation data (the seed article, PolNeAR dev articles and sentences), scores the
predictions and checks each figure against its target. Exits 1 when a target is not met.

Options:
  --shared DIR                the shared folder (default: $WHOSAID_SHARED, else ../shared)
  --out DIR                   where prediction files are written (default .eval)
  --only PART                 seed, polnear or sentences (the default), or challenge (the challenge
                              set's measuring half) or challenge-train; repeat or separate with commas
  --predictions PART=FILE     score FILE as PART's predictions instead of analysing; repeatable
  --json                      print the report as JSON
  --verbose                   list the challenge set's false positives, misses and wrong speakers
  -h, --help                  show this help
`;

export const BENCH_HELP = `Usage: whosaid bench [options]

Times the engine against a bare wink-nlp pass over the same articles (PolNeAR train by default) and
prints words/s, the ratio, per-article percentiles and peak memory. Exits 1 when the ratio is below
its target. For garbage collection between passes run: node --expose-gc bin/whosaid.js bench

Options:
  --file FILE                 JSON lines of articles {id?, text} to time
  --shared DIR                the shared folder, where --file is not given
  --limit N                   only the first N articles
  --repeat N                  timed rounds (default 3)
  --json                      print the report as JSON
  -h, --help                  show this help
`;
