/**
 * Page furniture: lines of a news page that are not the article's running text.
 *
 *   link line:    "READ MORE: Arena costs could double, consultant warns"   "WATCH: Okafor says …"
 *   caption:      "FILE PHOTO: Mayor Dan Okafor speaks to reporters. (Jane Roe/The Ledger)"
 *   boilerplate:  "Story continues below advertisement"   "Article continued below"   "Advertisement"
 *
 * A link line is the headline of another article: what it reports is not said in this one. A caption
 * describes a photo. Boilerplate is never a person, and a line's label ("FILE PHOTO", "WATCH") no name.
 * The attribution stage drops what lies on such lines; the entity stage skips their labels.
 *
 * The labels are the team's list of what Canadian, US and British news pages print above and between
 * paragraphs (link labels in capitals followed by a colon; photo credits in parentheses with a slash).
 */
import type { Segmented } from './segment.js';

export type FurnitureKind = 'link-line' | 'caption' | 'boilerplate';

const LINK_LINE = /^\s*(?:read more|more|watch|related|listen|see also|also read|read also|click here|recommended|trending|must read|video|photos|gallery|opinion|top stories|sign up|subscribe|latest)\s*[:|›»>–—-]/i;
const CAPTION_START = /^\s*(?:file photo|file|photo|photograph|image|pictured|above|top|caption|credit|photo credit)\s*[:|–—-]/i;
const CREDIT_END = /\((?:[^()]*\/[^()]*|[^()]*\b(?:photo|photograph|images?|file|pool|handout|supplied|submitted)\b[^()]*)\)\s*$/i;
const CREDIT_LINE = /^\s*(?:photo|photograph|image|video)s?\s+(?:by|courtesy of|credit)\b/i;
const BOILERPLATE = /^\s*(?:advertisement|ad|story continues below(?: advertisement)?|article continues below|article continued below|continue reading(?: below)?|this story continues below|the story continues below|continued below|share this (?:story|article)|sign up for [^.]*newsletter[^.]*|this article is more than \d+ \w+ old|file photo)\s*\.?\s*$/i;

/** What kind of furniture a paragraph is, or undefined for running text. */
export function furnitureOf(line: string): FurnitureKind | undefined {
  if (BOILERPLATE.test(line)) return 'boilerplate';
  if (LINK_LINE.test(line)) return 'link-line';
  if (CAPTION_START.test(line) || CREDIT_END.test(line) || CREDIT_LINE.test(line)) return 'caption';
  return undefined;
}

/** The furniture kind of each paragraph of `seg`. */
export function furnitureOfParagraphs(seg: Segmented): (FurnitureKind | undefined)[] {
  return seg.paragraphs.map((p) => furnitureOf(seg.text.slice(p.start, p.end)));
}

/** The end offset of a furniture line's label ("READ MORE:", "FILE PHOTO:"), or of the whole line for boilerplate; -1 for none. */
export function furnitureLabelEnd(line: string): number {
  if (BOILERPLATE.test(line)) return line.length;
  const m = LINK_LINE.exec(line) ?? CAPTION_START.exec(line);
  return m ? m[0].length : -1;
}
