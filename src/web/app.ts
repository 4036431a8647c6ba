/**
 * The web page: analyse an article (pasted, dropped or fetched by URL) and see every attribution
 * highlighted, one colour per speaker; search the corpus; a speaker's page with a timeline; a
 * statement's history across outlets. Every piece of article text reaches the page as a text node
 * (`el` below never parses markup), so the article's own markup is never rendered.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { Analysis, Attribution } from '../core/analysis.js';
import type { CorpusStats, SearchHit, SpeakerProfile, SpeakerSummary, StoredAttribution, Trace } from '../store/store.js';
import { colourIndexes, perDay, segmentText, speakerKey } from './segments.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, LineController, LineElement, PointElement, Tooltip, Legend);

const PALETTE = 8;
const COLOURS = ['#4f7fd6', '#e0a030', '#5bb56a', '#d45d87', '#8b6fd6', '#e07b39', '#3fb6a8', '#7a7a7a'];
const main = document.getElementById('main')!;
let charts: { destroy(): void }[] = [];

type Child = Node | string | undefined | false;

/** An element with attributes and children; strings become text nodes, never markup. */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

function link(href: string, text: string): HTMLAnchorElement {
  return el('a', { href }, text);
}

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, init);
  const body = (await res.json().catch(() => undefined)) as { error?: { message: string } } | undefined;
  if (!res.ok) throw new Error(body?.error?.message ?? `the server answered ${res.status}`);
  return body as T;
}

function clear(): void {
  for (const c of charts) c.destroy();
  charts = [];
  main.replaceChildren();
}

function chart(label: string, config: ConstructorParameters<typeof Chart>[1]): HTMLElement {
  const canvas = el('canvas', { role: 'img', 'aria-label': label });
  const box = el('div', { class: 'chart' }, canvas);
  queueMicrotask(() => charts.push(new Chart(canvas, { ...config, options: { maintainAspectRatio: false, animation: false, ...(config.options ?? {}) } })));
  return box;
}

function barChart(label: string, labels: string[], data: number[]): HTMLElement {
  return chart(label, { type: 'bar', data: { labels, datasets: [{ label, data, backgroundColor: '#4f7fd6' }] }, options: { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
}

function shareChart(types: string[], counts: number[]): HTMLElement {
  return chart('Share of attributions by type', { type: 'doughnut', data: { labels: types, datasets: [{ data: counts, backgroundColor: COLOURS }] } });
}

/** A labelled input whose value comes from the page's query (`#/search?outlet=…`). */
function field(params: URLSearchParams, id: string, label: string, type = 'text'): HTMLElement {
  return el('div', {}, el('label', { for: id }, label), el('input', { id, name: id, type, value: params.get(id) ?? '' }));
}

/** The form's filled fields as the query of `#/view?…` (fields left at `skip`'s value are left out). */
function formQuery(form: HTMLFormElement, skip: Record<string, string> = {}): URLSearchParams {
  const next = new URLSearchParams();
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '' && skip[k] !== v) next.set(k, v);
  return next;
}

function errorLine(error: unknown): HTMLElement {
  return el('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : String(error));
}

// ---- analyse ----------------------------------------------------------------------------------

function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(!doctype|html|head|body|article|div|p)[\s>]/i.test(text);
}

function viewAnalyze(): void {
  const text = el('textarea', { id: 'article', name: 'article', 'aria-describedby': 'article-help' });
  const help = el('p', { id: 'article-help', class: 'muted' }, 'Paste an article (plain text or HTML) or drop a file here.');
  const url = el('input', { id: 'url', type: 'url', name: 'url', placeholder: 'https://…' });
  const status = el('p', { role: 'status', 'aria-live': 'polite' });
  const results = el('section', { 'aria-label': 'Results' });
  const form = el(
    'form',
    {},
    el('label', { for: 'article' }, 'Article'),
    text,
    help,
    el('label', { for: 'url' }, 'or its address'),
    url,
    el('div', {}, el('button', { type: 'submit' }, 'Analyse'), el('button', { type: 'button', id: 'example' }, 'Load the example')),
  );
  text.addEventListener('dragover', (e) => {
    e.preventDefault();
    text.classList.add('dragging');
  });
  text.addEventListener('dragleave', () => text.classList.remove('dragging'));
  text.addEventListener('drop', async (e) => {
    e.preventDefault();
    text.classList.remove('dragging');
    const file = e.dataTransfer?.files[0];
    if (file) text.value = await file.text();
  });
  form.querySelector('#example')!.addEventListener('click', async () => {
    text.value = await (await fetch('/example.txt')).text();
    url.value = '';
    text.focus();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = url.value.trim() !== '' && text.value.trim() === '' ? { url: url.value.trim() } : looksLikeHtml(text.value) ? { html: text.value } : { text: text.value };
    status.textContent = 'Analysing…';
    results.replaceChildren();
    try {
      const analysis = await api<Analysis>('/api/analyze?all=1', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      status.textContent = `${analysis.attributions.length} attribution${analysis.attributions.length === 1 ? '' : 's'} found.`;
      results.replaceChildren(renderAnalysis(analysis, 'text' in body ? (body.text ?? '') : ''));
    } catch (error) {
      status.textContent = '';
      results.replaceChildren(errorLine(error));
    }
  });
  main.append(el('h2', {}, 'Analyse an article'), form, status, results);
}

function speakerLabel(a: Attribution): string {
  return a.speaker.name ?? a.speaker.mention?.text ?? 'unknown speaker';
}

function renderAnalysis(analysis: Analysis, input: string): HTMLElement {
  const text = analysis.text ?? input;
  const byId = new Map(analysis.attributions.map((a) => [a.id, a]));
  const entities = new Map(analysis.entities.map((e) => [e.id, e]));
  const keys = analysis.attributions.map((a) => speakerKey(a.speaker));
  const colours = colourIndexes(keys, PALETTE);
  const colourClass = (a: Attribution) => {
    const i = colours.get(speakerKey(a.speaker)) ?? -1;
    return i < 0 ? 'unknown' : `s${i}`;
  };

  const details = el('section', { class: 'details', 'aria-live': 'polite', 'aria-label': 'The selected attribution' }, el('p', { class: 'muted' }, 'Point at, focus or tap a highlighted passage to see who said it.'));
  const marks = new Map<string, HTMLElement[]>();
  const show = (a: Attribution) => {
    for (const m of main.querySelectorAll('mark.active')) m.classList.remove('active');
    for (const m of marks.get(a.id) ?? []) m.classList.add('active');
    const entity = a.speaker.entity !== undefined ? entities.get(a.speaker.entity) : undefined;
    const roles = entity?.roles?.map((r) => r.text).join('; ');
    const relays = a.relays?.map((r) => `${r.name} (${r.kind}${r.on ? `, ${r.on}` : ''})`).join(' ← ');
    const row = (term: string, value: string | undefined) => (value === undefined || value === '' ? [] : [el('dt', {}, term), el('dd', {}, value)]);
    details.replaceChildren(
      el('h3', {}, speakerLabel(a)),
      el(
        'dl',
        {},
        ...row('Said', a.text),
        ...row('Speaker', a.speaker.name ?? (a.speaker.mention ? `${a.speaker.mention.text} (not identified)` : 'unknown')),
        ...row('Role', roles),
        ...row('Cue', a.cue?.text),
        ...row('To', a.addressee?.text),
        ...row('Relayed by', relays),
        ...row('Date said', a.saidOn),
        ...row('Type', `${a.type}, ${a.kind}`),
        ...row('Confidence', `${Math.round(a.confidence * 100)}%`),
        ...row('Reasons', a.reasons.join(', ')),
      ),
    );
  };

  const article = el('div', { class: 'article', role: 'document', 'aria-label': 'The article with its attributions highlighted' });
  for (const segment of segmentText(text.length, analysis.attributions)) {
    const words = text.slice(segment.start, segment.end);
    const innermost = segment.ids.length > 0 ? byId.get(segment.ids[segment.ids.length - 1]) : undefined;
    if (!innermost) {
      article.append(document.createTextNode(words));
      continue;
    }
    const mark = el('mark', { class: colourClass(innermost), tabindex: '0', 'data-attribution': innermost.id, 'aria-label': `${speakerLabel(innermost)}: ${words}` }, words);
    for (const id of segment.ids) marks.set(id, [...(marks.get(id) ?? []), mark]);
    mark.addEventListener('mouseenter', () => show(innermost));
    mark.addEventListener('focus', () => show(innermost));
    mark.addEventListener('click', () => show(innermost));
    article.append(mark);
  }

  const people = new Map<string, Attribution[]>();
  for (const a of analysis.attributions) people.set(speakerKey(a.speaker), [...(people.get(speakerKey(a.speaker)) ?? []), a]);
  const panel = el('section', { class: 'people', 'aria-labelledby': 'people-heading' }, el('h3', { id: 'people-heading' }, 'People'));
  if (people.size === 0) panel.append(el('p', { class: 'muted' }, 'No attributions found.'));
  const list = el('ul', {});
  for (const [key, said] of people) {
    const first = said[0];
    const name = key === 'unknown' ? 'Unknown speaker' : speakerLabel(first);
    const items = el('ul', {});
    for (const a of said) {
      const button = el('button', { type: 'button' }, a.text.length > 90 ? `${a.text.slice(0, 90)}…` : a.text);
      button.addEventListener('click', () => {
        show(a);
        marks.get(a.id)?.[0]?.focus();
      });
      items.append(el('li', {}, button));
    }
    list.append(el('li', { class: 'person' }, el('span', { class: `swatch ${colourClass(first)}`, 'aria-hidden': 'true' }), el('strong', {}, name), ` (${said.length})`, items));
  }
  panel.append(list);

  const types = new Map<string, number>();
  for (const a of analysis.attributions) types.set(a.type, (types.get(a.type) ?? 0) + 1);
  const share = analysis.attributions.length > 0 ? shareChart([...types.keys()], [...types.values()]) : undefined;

  return el('div', { class: 'layout' }, el('div', {}, article), el('aside', {}, details, panel, share && el('h3', {}, 'By type'), share));
}

// ---- search -----------------------------------------------------------------------------------

function snippet(hit: SearchHit): HTMLElement {
  const p = el('p', { class: 'snippet' });
  let at = 0;
  for (const h of hit.highlights) {
    p.append(hit.snippet.slice(at, h.start), el('mark', {}, hit.snippet.slice(h.start, h.end)));
    at = h.end;
  }
  p.append(hit.snippet.slice(at));
  return p;
}

function attributionLine(a: StoredAttribution): HTMLElement {
  const who = a.speaker?.personId !== undefined ? link(`#/speaker/${a.speaker.personId}`, a.speaker.name) : el('span', {}, a.speaker?.name ?? 'unknown speaker');
  return el('p', { class: 'muted' }, who, ` · ${a.outlet ?? 'unknown outlet'} · ${a.saidOn ?? a.publishedAt ?? 'undated'} · ${a.type} · `, link(`#/trace/${a.id}`, 'history across outlets'));
}

function viewSearch(params: URLSearchParams): void {
  const type = el('select', { id: 'type', name: 'type' }, ...['statement', 'all', 'belief', 'intention', 'attitude', 'decree', 'perception', 'evidence'].map((t) => el('option', { value: t, ...(params.get('type') === t && { selected: '' }) }, t)));
  const form = el(
    'form',
    { role: 'search' },
    el('div', { class: 'row' }, field(params, 'q', 'Words', 'search'), field(params, 'speaker', 'Speaker'), field(params, 'outlet', 'Outlet')),
    el('div', { class: 'row' }, field(params, 'from', 'From', 'date'), field(params, 'to', 'To', 'date'), el('div', {}, el('label', { for: 'type' }, 'Type'), type)),
    el('button', { type: 'submit' }, 'Search'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/search?${formQuery(form, { type: 'statement' })}`;
  });
  const results = el('section', { 'aria-label': 'Results', 'aria-live': 'polite' });
  main.append(el('h2', {}, 'Search the corpus'), form, results);
  if (!params.get('q')) return;
  const hits: SearchHit[] = [];
  const list = el('ol', { class: 'hits' });
  const summary = el('p', { role: 'status' });
  const more = el('button', { type: 'button' }, 'More results');
  const load = async (cursor?: string) => {
    const query = new URLSearchParams(params);
    if (cursor) query.set('cursor', cursor);
    try {
      const page = await api<{ hits: SearchHit[]; ranked: number; capped: boolean; matches?: number; nextCursor?: string }>(`/api/search?${query}`);
      hits.push(...page.hits);
      for (const hit of page.hits) list.append(el('li', {}, snippet(hit), attributionLine(hit)));
      summary.textContent =
        `${hits.length} result${hits.length === 1 ? '' : 's'}${page.nextCursor ? ' so far' : ''}.` +
        (page.capped ? ` More matched than are ranked: the newest ${page.ranked.toLocaleString('en-US')} matches were ranked (the words match ${(page.matches ?? 0).toLocaleString('en-US')} attributions in all).` : '');
      more.hidden = page.nextCursor === undefined;
      more.onclick = () => void load(page.nextCursor);
      const days = perDay(hits.map((h) => h.saidOn ?? h.publishedAt));
      perDayBox.replaceChildren(...(days.length > 1 ? [el('h3', {}, 'Statements per day in these results'), barChart('Statements per day', days.map((d) => d.day), days.map((d) => d.count))] : []));
    } catch (error) {
      results.append(errorLine(error));
    }
  };
  const perDayBox = el('div', {});
  results.append(summary, list, more, perDayBox);
  void load();
}

// ---- overview ---------------------------------------------------------------------------------

async function viewOverview(params: URLSearchParams): Promise<void> {
  const form = el(
    'form',
    { 'aria-label': 'Filter the figures' },
    el('div', { class: 'row' }, field(params, 'outlet', 'Outlet'), field(params, 'from', 'From', 'date'), field(params, 'to', 'To', 'date')),
    el('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = `#/overview?${formQuery(form)}`;
  });
  main.append(el('h2', {}, 'The corpus in figures'), form);
  try {
    const stats = await api<CorpusStats>(`/api/stats?${params}`);
    if (stats.byType.length === 0) return void main.append(el('p', {}, 'Nothing in the corpus matches.'));
    main.append(el('h3', {}, 'Who is quoted most, by outlet'), outletChart(stats.byOutlet));
    main.append(el('h3', {}, 'Who is quoted most, month by month'), monthChart(stats.overTime));
    const days = stats.perDay;
    main.append(el('h3', {}, 'Statements per day'), barChart('Statements per day', days.map((d) => d.day), days.map((d) => d.count)));
    main.append(el('h3', {}, 'Attributions by type'), shareChart(stats.byType.map((t) => t.type), stats.byType.map((t) => t.count)));
  } catch (error) {
    main.append(errorLine(error));
  }
}

/** The most quoted people of each outlet, a stacked bar an outlet, one colour a person. */
function outletChart(outlets: CorpusStats['byOutlet']): HTMLElement {
  const people = [...new Map(outlets.flatMap((o) => o.speakers).map((p) => [p.personId, p.name])).entries()];
  const datasets = people.map(([id, name], i) => ({ label: name, backgroundColor: COLOURS[i % COLOURS.length], data: outlets.map((o) => o.speakers.find((p) => p.personId === id)?.statements ?? 0) }));
  const stacked = { stacked: true, beginAtZero: true, ticks: { precision: 0 } };
  return chart('Statements by the most quoted people of each outlet', { type: 'bar', data: { labels: outlets.map((o) => o.outlet), datasets }, options: { scales: { x: { stacked: true }, y: stacked } } });
}

/** The most quoted people's statements per month, a line a person (bars while there is one month). */
function monthChart(people: CorpusStats['overTime']): HTMLElement {
  const months = [...new Set(people.flatMap((p) => p.months.map((m) => m.month)))].sort();
  const datasets = people.map((p, i) => ({ label: p.name, borderColor: COLOURS[i % COLOURS.length], backgroundColor: COLOURS[i % COLOURS.length], data: months.map((m) => p.months.find((x) => x.month === m)?.count ?? 0) }));
  return chart('Statements per month by the most quoted people', { type: months.length > 1 ? 'line' : 'bar', data: { labels: months, datasets }, options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } });
}

// ---- speakers ---------------------------------------------------------------------------------

async function viewSpeakers(): Promise<void> {
  main.append(el('h2', {}, 'Speakers'));
  try {
    const { speakers } = await api<{ speakers: SpeakerSummary[] }>('/api/speakers?limit=200');
    if (speakers.length === 0) return void main.append(el('p', {}, 'The corpus has no speakers yet.'));
    const top = speakers.slice(0, 15);
    main.append(el('h3', {}, 'Who is quoted most'), barChart('Statements by speaker, most quoted first', top.map((s) => s.name), top.map((s) => s.statements)));
    const list = el('ol', {});
    for (const s of speakers) list.append(el('li', {}, link(`#/speaker/${s.personId}`, s.name), ` — ${s.statements} statements in ${s.articles} articles, ${s.outlets} outlets${s.first ? `, ${s.first} to ${s.last}` : ''}`));
    main.append(el('h3', {}, 'Everyone'), list);
  } catch (error) {
    main.append(errorLine(error));
  }
}

async function viewSpeaker(id: string): Promise<void> {
  try {
    const p = await api<SpeakerProfile>(`/api/speakers/${encodeURIComponent(id)}`);
    main.append(el('h2', {}, p.name));
    if (p.variants.length > 1) main.append(el('p', {}, `Also named: ${p.variants.filter((v) => v !== p.name).join(', ')}`));
    if (p.roles.length > 0) main.append(el('h3', {}, 'Roles'), el('ul', {}, ...p.roles.map((r) => el('li', {}, r.role, r.first ? ` (${r.first}${r.last && r.last !== r.first ? ` to ${r.last}` : ''})` : ''))));
    const days = perDay(p.timeline.map((a) => a.saidOn ?? a.publishedAt));
    main.append(el('h3', {}, 'Timeline'), barChart(`Statements by ${p.name} per day`, days.map((d) => d.day), days.map((d) => d.count)));
    const list = el('ol', { class: 'hits' });
    for (const a of p.timeline) list.append(el('li', {}, el('p', {}, a.text), attributionLine(a)));
    main.append(el('h3', {}, 'Statements, earliest first'), list);
  } catch (error) {
    main.append(errorLine(error));
  }
}

async function viewTrace(id: string): Promise<void> {
  main.append(el('h2', {}, 'A statement across outlets'));
  try {
    const trace = await api<Trace>(`/api/attributions/${encodeURIComponent(id)}/trace`);
    const list = el('ol', { class: 'copies' });
    for (const c of trace.copies) {
      const words = el('p', {});
      if (c.diff) for (const part of c.diff) words.append(part.op === 'same' ? document.createTextNode(part.text) : el(part.op === 'added' ? 'ins' : 'del', {}, part.text));
      else words.append(c.text);
      list.append(el('li', {}, el('strong', {}, `${c.outlet ?? 'unknown outlet'}, ${c.publishedAt ?? 'undated'}`), c.variant ? ' (words differ from the earliest copy)' : '', words, el('p', { class: 'muted' }, c.speaker ?? 'unknown speaker')));
    }
    main.append(el('p', {}, `${trace.copies.length} cop${trace.copies.length === 1 ? 'y' : 'ies'}, earliest first. Inserted words are marked as insertions, removed words as deletions.`), list);
  } catch (error) {
    main.append(errorLine(error));
  }
}

// ---- routing ----------------------------------------------------------------------------------

function route(): void {
  const [path, query] = (location.hash.replace(/^#/, '') || '/analyze').split('?');
  const parts = path.split('/').filter(Boolean);
  clear();
  for (const a of document.querySelectorAll('nav a')) a.toggleAttribute('aria-current', false);
  const view = parts[0] === 'speaker' ? 'speakers' : parts[0] === 'trace' ? 'search' : parts[0];
  document.querySelector(`nav a[data-view="${view}"]`)?.setAttribute('aria-current', 'page');
  if (parts[0] === 'search') viewSearch(new URLSearchParams(query));
  else if (parts[0] === 'speakers') void viewSpeakers();
  else if (parts[0] === 'overview') void viewOverview(new URLSearchParams(query));
  else if (parts[0] === 'speaker' && parts[1]) void viewSpeaker(parts[1]);
  else if (parts[0] === 'trace' && parts[1]) void viewTrace(parts[1]);
  else viewAnalyze();
}

window.addEventListener('hashchange', () => {
  route();
  main.focus();
});
route();
