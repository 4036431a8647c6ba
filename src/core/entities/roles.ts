/**
 * Words that make up titles and role phrases, lower-cased. A role stands before a name ("U.S. Secretary
 * of State Mike Pompeo", "North Korean leader Kim Jong Un", "President Trump") and is not part of it.
 * Team-written from the AP Stylebook's entries on titles (courtesy titles, abbreviated titles before a
 * full name: Gov., Lt. Gov., Rep., Sen., Gen., Dr.) and from government and corporate titles common in
 * news.
 */

/** Titles that only a person carries: a name after them is a person. */
export const PERSONAL_TITLES: ReadonlySet<string> = new Set([
  'mr.', 'mrs.', 'ms.', 'mr', 'mrs', 'ms', 'miss', 'dr.', 'dr', 'prof.', 'sen.', 'rep.', 'gov.', 'lt.', 'gen.', 'adm.',
  'col.', 'maj.', 'capt.', 'sgt.', 'cpl.', 'pvt.', 'cmdr.', 'rev.', 'sir', 'dame', 'lord', 'lady', 'president',
  'vice', 'chairman', 'chairwoman', 'chair', 'secretary', 'senator', 'congressman', 'congresswoman',
  'representative', 'governor', 'mayor', 'judge', 'justice', 'chancellor', 'premier', 'minister', 'prime', 'king',
  'queen', 'prince', 'princess', 'emperor', 'pope', 'cardinal', 'bishop', 'archbishop', 'rabbi', 'imam', 'sheikh',
  'ayatollah', 'general', 'admiral', 'colonel', 'major', 'captain', 'lieutenant', 'sergeant', 'commander', 'officer',
  'detective', 'sheriff', 'ambassador', 'envoy', 'attorney', 'prosecutor', 'speaker', 'leader', 'spokesman',
  'spokeswoman', 'spokesperson', 'director', 'commissioner', 'chief', 'deputy', 'coach', 'professor', 'sen', 'rep',
  'gov', 'dr', 'ceo', 'chairperson', 'founder', 'president-elect', 'counselor', 'adviser', 'advisor',
  'aide', 'official', 'officials', 'executive', 'analyst', 'economist', 'strategist', 'correspondent', 'reporter',
  'editor', 'columnist', 'lawyer', 'candidate', 'nominee', 'diplomat', 'negotiator', 'activist', 'author', 'head',
  'manager', 'counsel', 'inspector', 'superintendent', 'dictator', 'strongman', 'monarch', 'lawmaker', 'legislator',
  'delegate', 'whip', 'sec.', 'supt.', 'atty.', 'insp.', 'det.', 'councilman', 'councilwoman', 'councilor',
  'councillor', 'alderman', 'assemblyman', 'assemblywoman', 'trustee', 'engineer', 'clerk',
]);

/**
 * Words that may stand inside a title without making it a name: "Secretary of State", "press secretary",
 * "former national security adviser", "Republican Sen.". They never start a name on their own.
 */
export const ROLE_WORDS: ReadonlySet<string> = new Set([
  'of', 'the', 'for', 'and', '&', 'state', 'defense', 'defence', 'treasury', 'foreign', 'affairs', 'homeland', 'security',
  'national', 'interior', 'justice', 'commerce', 'labor', 'labour', 'energy', 'education', 'health', 'human',
  'services', 'transportation', 'agriculture', 'veterans', 'finance', 'economy', 'trade', 'home', 'general', 'attorney',
  'press', 'communications', 'staff', 'former', 'then', 'acting', 'interim', 'top', 'senior', 'junior', 'assistant',
  'associate', 'deputy', 'vice', 'chief', 'executive', 'operating', 'financial', 'supreme', 'high', 'federal',
  'district', 'circuit', 'majority', 'minority', 'house', 'senate', 'white', 'party', 'republican', 'democratic',
  'democrat', 'gop', 'conservative', 'labour', 'liberal', 'independent', 'senior', 'military', 'intelligence',
  'campaign', 'international', 'special', 'u.n.', 'un', 'nato', 'eu', 'fbi', 'cia', 'counsel', 'policy', 'first',
  'lady', 'royal', 'highness', 'grand', 'supreme', 'court', 'council', 'committee', 'select', 'judiciary', 'armed',
  'services', 'intelligence', 'relations', 'joint', 'chiefs', 'central', 'bank', 'reserve', 'fed', 'department',
  'ministry', 'office', 'administration', 'agency', 'police', 'city', 'county', 'government',
]);

/** Words a name ends with that follow it rather than lead it ("Smith Jr."). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr.', 'sr.', 'jr', 'sr', 'ii', 'iii', 'iv']);

/** True for a word that can be part of a role phrase before a name. */
export function isRoleWord(lower: string): boolean {
  return PERSONAL_TITLES.has(lower) || ROLE_WORDS.has(lower);
}

/**
 * Common nouns that news writes before a name as a bare description, capitalized only when they open the
 * sentence: "Nurse Jolene Ferrante", "Guitarist Sam Petrov", "Resident Victor Amadi", "Sixteen-year-old …".
 * Team-written from the occupations, positions in sport, and descriptions of ordinary people that news
 * uses this way; a word here is a description, never the start of a name.
 */
export const DESCRIPTION_NOUNS: ReadonlySet<string> = new Set([
  'nurse', 'doctor', 'physician', 'surgeon', 'paramedic', 'pharmacist', 'dentist', 'resident', 'residents', 'refugee',
  'guitarist', 'singer', 'drummer', 'bassist', 'pianist', 'violinist', 'musician', 'artist', 'painter', 'sculptor',
  'actor', 'actress', 'producer', 'writer', 'novelist', 'poet', 'playwright', 'filmmaker', 'curator', 'owner',
  'co-owner', 'co-founder', 'cofounder', 'partner', 'skip', 'guard', 'forward', 'centre', 'center', 'winger',
  'defenceman', 'defenseman', 'goaltender', 'goalie', 'striker', 'midfielder', 'defender', 'pitcher', 'catcher',
  'quarterback', 'linebacker', 'rookie', 'veteran', 'swimmer', 'runner', 'skater', 'cyclist', 'player', 'teammate',
  'student', 'teacher', 'principal', 'researcher', 'scientist', 'biologist', 'astronomer', 'physicist', 'chemist',
  'historian', 'archivist', 'librarian', 'architect', 'developer', 'investor', 'trader', 'banker', 'accountant',
  'constable', 'firefighter', 'farmer', 'fisher', 'fisherman', 'worker', 'employee', 'volunteer', 'organizer',
  'organiser', 'chef', 'baker', 'parent', 'mother', 'father', 'grandmother', 'grandfather', 'widow', 'survivor',
  'witness', 'neighbour', 'neighbor', 'homeowner', 'tenant', 'landlord', 'shopper', 'commuter', 'driver',
  'passenger', 'patient', 'donor', 'graduate', 'lecturer', 'economist', 'analyst', 'consultant', 'contractor',
  'foreman', 'plumber', 'electrician', 'mechanic', 'pilot', 'sailor', 'soldier', 'veterinarian', 'therapist',
  'psychologist', 'psychiatrist', 'epidemiologist', 'dietitian', 'midwife', 'caregiver', 'activist', 'advocate',
]);

/** A description before a name: a listed noun, or an age ("Sixteen-year-old", "81-year-old"). */
export function isDescriptionWord(lower: string): boolean {
  return DESCRIPTION_NOUNS.has(lower) || /-year-old$/.test(lower);
}
