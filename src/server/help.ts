/** The text of `whosaid serve --help` (apart, so that the CLI loads the server only to run it). */

export const SERVE_HELP = `Usage: whosaid serve [--db FILE|URL] [--port N] [--host ADDR]

Serves the HTTP API (/api/…, described at /api/openapi.json) and the web page (/) until SIGTERM or
Ctrl-C; requests in flight finish before it exits.

Options:
  --db FILE|URL          the corpus: a SQLite file or a postgres:// URL (default $WHOSAID_DB, else
                         whosaid.db; created when missing)
  --port N               the port (default 8080; 0 picks a free one)
  --host ADDR            the address to listen on (default 127.0.0.1, this machine only)
  --threads N            analysis threads (default: the cores, at most 4)
  --max-analyses N       analyses admitted at once, running or waiting (default 4 per thread); more get 429
  --timeout-ms N         the longest one analysis may take (default 30000); longer gets 504
  --max-body-bytes N     the largest request body (default 5242880); larger gets 413
  --allow-private-urls   let URL fetches reach loopback and private addresses (default: refused)
`;
