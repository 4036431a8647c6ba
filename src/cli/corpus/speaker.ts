/** `whosaid speaker NAME`: a person's name variants, roles over time and the timeline of what they said. */
import type { SpeakerProfile } from '../../store/store.js';
import { CliError, EXIT, UsageError } from '../errors.js';
import { write, type Io } from '../io.js';
import { DB_OPTION, dbPath, formatOf, parseCommand } from './args.js';
import { SPEAKER_HELP } from './help.js';
import { formatGrid } from './output.js';
import { withStore } from './run.js';

export function formatProfile(p: SpeakerProfile, columns: number): string[] {
  const others = p.variants.filter((v) => v !== p.name);
  const lines = [`${p.name} (person ${p.personId})`];
  if (others.length > 0) lines.push(`  also named: ${others.join(', ')}`);
  for (const r of p.roles) {
    const when = r.first === undefined ? '' : r.first === r.last ? ` ${r.first}` : ` ${r.first} to ${r.last}`;
    lines.push(`  role: ${r.role}${when} (${r.articles} article${r.articles === 1 ? '' : 's'})`);
  }
  if (p.timeline.length === 0) return [...lines, '  no attributions'];
  const rows = p.timeline.map((a) => [a.saidOn ?? a.publishedAt?.slice(0, 10) ?? '', a.outlet ?? '', a.type, a.kind, a.text]);
  return [...lines, '', ...formatGrid(['date', 'outlet', 'type', 'kind', 'text'], rows, { columns, flex: 4 })];
}

export async function runSpeaker(args: string[], io: Io): Promise<void> {
  const { values, positionals } = parseCommand('speaker', args, { ...DB_OPTION, format: { type: 'string' } });
  if (values.help) return write(io.stdout, SPEAKER_HELP);
  const name = positionals.join(' ').trim();
  if (name === '') throw new UsageError('speaker: expected a NAME (see whosaid speaker --help)');
  const format = formatOf(values.format, ['table', 'json'] as const);
  const profiles = await withStore(dbPath(values.db), 'read', (store) => store.speaker(name));
  if (profiles.length === 0) throw new CliError(`no speaker named "${name}" in the corpus (see whosaid speakers)`, EXIT.failed, undefined, 'store/no-speaker');
  if (format === 'json') return write(io.stdout, JSON.stringify(profiles, null, 2) + '\n');
  await write(io.stdout, profiles.map((p) => formatProfile(p, io.columns ?? 80).join('\n')).join('\n\n') + '\n');
}
