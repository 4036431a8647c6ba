/**
 * The grammatical gender a person's name or title shows, so that "she" never resolves to a man's name
 * nor "he" to a woman's. Unknown is an answer: a name the lists do not know agrees with either pronoun.
 *
 * Sources (team-written): gendered courtesy titles and role nouns of English (Mr., Mrs., Ms.,
 * spokeswoman, councilman, mother, king…), and given names common in Canadian, US and British news across
 * its communities, listed only where the name is used overwhelmingly for one gender. Names used for both
 * (Alex, Jordan, Sam, Taylor, Jean…) are not listed.
 */
import type { TextSpan } from '../analysis.js';

export type Gender = 'female' | 'male';

const FEMALE_TITLES = new Set(['mrs.', 'mrs', 'ms.', 'ms', 'miss', 'madam', 'dame', 'lady', 'queen', 'princess', 'spokeswoman', 'chairwoman', 'congresswoman', 'councilwoman', 'assemblywoman', 'businesswoman', 'sister', 'mother', 'grandmother', 'daughter', 'wife', 'widow', 'aunt', 'niece', 'girl', 'woman', 'actress', 'waitress', 'duchess', 'baroness']);
const MALE_TITLES = new Set(['mr.', 'mr', 'sir', 'lord', 'king', 'prince', 'spokesman', 'chairman', 'congressman', 'councilman', 'assemblyman', 'businessman', 'alderman', 'brother', 'father', 'grandfather', 'son', 'husband', 'widower', 'uncle', 'nephew', 'boy', 'man', 'actor', 'duke', 'baron', 'rev.', 'pope', 'imam', 'rabbi', 'sheikh']);

const FEMALE_NAMES = `mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa margaret betty sandra
ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca laura sharon cynthia kathleen
amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn janet
ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl
andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose
alexis kayla rita jen jenny jane mina priya anita sunita aisha fatima leila layla yasmin mei ling ying sofia lucia
carmen rosa ana elena isabel chloe zoe ava mia ella amelia harper aria chantal genevieve nathalie isabelle sylvie
monique josee francine claire sophie marie-claude amira noor zainab hina anjali deepa kavya nadia irina olga natasha
svetlana tatiana ingrid greta astrid freya maya nora leah naomi esther miriam tamar keisha latoya tanya tamika ebony
gwen wendy tina tracy holly hazel ivy iris june joy kate katie kim lily lucy molly nina paula peggy penny sally sue
susie vanessa vera yvonne diane colleen bridget siobhan fiona aileen eileen maureen deirdre joanna joana imelda
lillian amara ngozi chioma adaeze folake yetunde aiko yuki sakura hana keiko yoko akiko mariam salma huda rania
dalia lina noura meera lakshmi pooja neha shreya ines beatriz marta catalina valentina paola francesca giulia
chiara agnieszka katarzyna magdalena ewa zofia anja katja birgit ulrike annika sigrid`.split(/\s+/);

const MALE_NAMES = `james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas
eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis
jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian keith roger
terry gerald harold sean austin carl arthur lawrence dylan jesse bryan joe billy bruce albert willie gabriel
logan ralph roy eugene russell bobby mason philip louis dan danny mike tom tim jim bob bill steve dave ron ken greg
rob ted fred hank carlos juan luis miguel pedro jorge diego pablo javier alejandro rafael mohammed muhammad ahmed ali
omar hassan hussein karim tariq yusuf ibrahim mustafa raj rahul arjun vijay sanjay amit ravi suresh rajesh anil
wei jun hiroshi takeshi kenji liam lucas oliver elijah owen caleb hunter connor gavin colin ian neil grant wayne
pierre jacques francois michel andre marc luc yves denis guy gilles rene jean-pierre jean-francois mathieu olivier
dmitri ivan sergei vladimir boris igor mikhail oleg hans klaus jurgen lars sven erik bjorn nils gustav declan
seamus liam cian conor brendan kieran dermot fergus angus hamish alistair duncan malcolm trevor nigel clive
derek barry graham howard leonard martin norman stanley vincent victor warren wesley cody travis chad brett
darren shane troy dale glenn curtis marcus darnell jamal tyrone dwayne andre reggie jerome glen kofi kwame
kwabena chidi emeka obinna chukwuma tunde oluwaseun hiroto kenta takashi satoshi jonas lukas matteo giovanni marco
luca alessandro lorenzo francesco ahmad samir khalid faisal hamza bilal rashid anand arvind pranav rohan
nikhil vikram manoj deepak piotr tomasz krzysztof jan-erik henrik magnus anders`.split(/\s+/);

const NAME_GENDER: ReadonlyMap<string, Gender> = new Map([
  ...FEMALE_NAMES.filter(Boolean).map((n) => [n, 'female'] as const),
  ...MALE_NAMES.filter(Boolean).map((n) => [n, 'male'] as const),
]);

/** The gender a given name shows, lower-cased ("rita" → female), or undefined for a name the lists do not know. */
export function genderOfGivenName(lower: string): Gender | undefined {
  return NAME_GENDER.get(lower);
}

/** The gender a title or role noun shows ("spokeswoman", "Mr."), or undefined. */
export function genderOfTitle(lower: string): Gender | undefined {
  return FEMALE_TITLES.has(lower) ? 'female' : MALE_TITLES.has(lower) ? 'male' : undefined;
}

/**
 * A person's gender from the article: the titles of their roles and mentions, then the given name of
 * their fullest name. Undefined where nothing shows it, or where the signs disagree.
 */
export function genderOfPerson(name: string, mentions: readonly TextSpan[], roles: readonly TextSpan[], textBefore: (m: TextSpan) => string): Gender | undefined {
  let found: Gender | undefined;
  const note = (g: Gender | undefined) => {
    if (g === undefined) return true;
    if (found !== undefined && found !== g) return false;
    found = g;
    return true;
  };
  for (const r of roles) for (const w of r.text.toLowerCase().split(/\s+/)) if (!note(genderOfTitle(w))) return undefined;
  // "Ms. Alvarez": a courtesy title right before a mention
  for (const m of mentions) if (!note(genderOfTitle(textBefore(m).trim().split(/\s+/).pop()?.toLowerCase() ?? ''))) return undefined;
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (!note(genderOfGivenName(first))) return undefined;
  return found;
}
