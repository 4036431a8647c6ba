/** The help texts of the fleet commands. */

const DB = `  --db postgres://…           the corpus database, shared by every worker (default: $WHOSAID_DB)`;

/** `whosaid jobs --help`. */
export const JOBS_HELP = `Usage: whosaid jobs add FILE.warc.gz... --db postgres://… [options]
       whosaid jobs status --db postgres://… [--format text|json]
       whosaid jobs rebuild --db postgres://…

The fleet's work list, in PostgreSQL. add splits each WARC archive into chunks of a few hundred
records (byte ranges where the archive is gzipped record by record, as CC-NEWS is; record ranges
otherwise) and queues each chunk not known before: adding the same archive again adds nothing.
Workers (whosaid worker) read the archive at the path given, so every worker must see it there.
status shows chunks done, pending and failed, the articles stored, the queue, and the throughput.
rebuild queues again every chunk not done that has no job waiting or running (a lost queue, a
chunk failed for good); failed chunks become pending.

Options:
${DB}
  --chunk-size N              records per chunk (add; default 200)
  --chunk-timeout SECONDS     how long a worker may hold a chunk before the queue gives it to
                              another (add, rebuild; default 900)
  --format text|json          text (default) or JSON: a line per archive added, the rebuild's
                              counts, the status as {chunks, done, failed, pending, articles,
                              records, skipped, queue, throughput, costPerRecord, failures}
  -h, --help                  show this help

Examples:
  whosaid jobs add CC-NEWS-20240101*.warc.gz --db postgres://whosaid@db.internal/news
  whosaid jobs status --db postgres://whosaid@db.internal/news --format json
`;

/** `whosaid worker --help`. */
export const WORKER_HELP = `Usage: whosaid worker --db postgres://… [--concurrency N] [--exit-when-idle]

Takes chunks from the queue (whosaid jobs add) and runs them: reads the chunk's records, analyses
the articles on N worker threads, and stores them in the corpus together with the chunk's done mark,
in one transaction. Run as many workers, on as many machines, as the database keeps up with. A
worker killed at any point loses nothing: its chunk is not done, and the queue gives it to another
worker once its time (--chunk-timeout of jobs add) runs out. SIGTERM or Ctrl-C finishes the chunks
taken and exits.

Options:
${DB}
  --concurrency N             worker threads analysing articles (default: one per core)
  --exit-when-idle            exit once the queue holds no job, waiting or running
  --format text|json          the summary at the end: a line (default), or JSON with {chunks,
                              articles, alreadyDone, failed}
  -h, --help                  show this help

Example:
  whosaid worker --db postgres://whosaid@db.internal/news --concurrency 4
`;
