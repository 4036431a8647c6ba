/**
 * Organization names and the words that make a name one, lower-cased. Team-written:
 * - suffixes: the words English organization names end with (news outlets "Times", "Post", "News";
 *   government "Department", "Ministry", "Committee", "Court"; companies "Inc.", "Corp.", "Ltd."),
 *   from the mastheads and bodies that US and UK news cites most;
 * - heads: words that start an organization name before "of" ("Bank of England", "University of Texas");
 * - known names: wire services and outlets the team listed (Reuters, Bloomberg, AP, AFP, Yonhap, KCNA…),
 *   government bodies named by metonymy ("White House", "Pentagon", "Kremlin") and international bodies.
 */

export const ORG_SUFFIXES: ReadonlySet<string> = new Set([
  'news', 'times', 'post', 'journal', 'tribune', 'herald', 'telegraph', 'guardian', 'gazette', 'chronicle', 'globe',
  'observer', 'examiner', 'inquirer', 'independent', 'express', 'mirror', 'standard', 'economist', 'review',
  'magazine', 'press', 'network', 'radio', 'television', 'tv', 'channel', 'agency', 'party', 'department',
  'ministry', 'committee', 'commission', 'council', 'court', 'congress', 'parliament', 'senate', 'assembly',
  'administration', 'authority', 'bureau', 'office', 'service', 'services', 'institute', 'institution',
  'university', 'college', 'school', 'academy', 'foundation', 'fund', 'association', 'federation', 'union',
  'league', 'organization', 'organisation', 'group', 'corporation', 'company', 'inc.', 'inc', 'corp.', 'corp',
  'co.', 'llc', 'ltd.', 'ltd', 'plc', 'bank', 'reserve', 'army', 'navy', 'force', 'forces', 'guard', 'police',
  'center', 'centre', 'coalition', 'alliance', 'campaign', 'caucus', 'board', 'airlines', 'motors', 'industries',
  'holdings', 'partners', 'capital', 'labs', 'technologies', 'systems', 'project', 'trust', 'society', 'club',
  'church', 'hospital', 'clinic', 'exchange', 'cabinet', 'government', 'regime', 'secretariat', 'watch',
  'ledger', 'courier', 'daily', 'weekly', 'media', 'sons', 'brothers', 'bros.', 'partnership', 'firm', 'studios',
  // hospitals named short: "Lakeside General", "Ashby Memorial"
  'general', 'memorial', 'homes', 'foods', 'fc', 'united',
  // business names in markets news: "Lindell Securities", "Northwind Energy", "Hearthstone Bakeries"
  'securities', 'investments', 'resources', 'energy', 'pharmaceuticals', 'logistics', 'brands', 'properties',
  'developments', 'insurance', 'financial', 'ferries', 'bakeries', 'farms', 'mills',
]);

export const ORG_HEADS: ReadonlySet<string> = new Set([
  'university', 'bank', 'department', 'ministry', 'bureau', 'office', 'council', 'court', 'college', 'institute',
  'house', 'board', 'league', 'church', 'federation', 'union', 'association', 'organization', 'commission',
]);

export const KNOWN_ORGS: ReadonlySet<string> = new Set([
  'reuters', 'bloomberg', 'ap', 'associated press', 'afp', 'agence france-presse', 'upi', 'cnn', 'bbc', 'nbc', 'cbs',
  'abc', 'fox', 'fox news', 'msnbc', 'cnbc', 'npr', 'pbs', 'politico', 'axios', 'the hill', 'yonhap', 'xinhua', 'kcna',
  'tass', 'ria novosti', 'interfax', 'al jazeera', 'nikkei', 'kyodo', 'dpa', 'ansa', 'efe', 'vox', 'buzzfeed',
  'breitbart', 'huffpost', 'slate', 'salon', 'the atlantic', 'newsweek', 'usa today',
  'twitter', 'facebook', 'instagram', 'youtube', 'google', 'microsoft', 'amazon', 'apple', 'tesla', 'boeing',
  'general motors', 'general electric', 'exxonmobil', 'walmart', 'goldman sachs', 'jpmorgan',
  'white house', 'pentagon', 'kremlin', 'congress', 'senate', 'house', 'capitol', 'state department',
  'justice department', 'supreme court', 'fbi', 'cia', 'nsa', 'dhs', 'epa', 'irs', 'fed', 'federal reserve',
  'nato', 'u.n.', 'un', 'united nations', 'eu', 'european union', 'european commission', 'imf', 'world bank', 'wto',
  'world health organization', 'opec', 'g7', 'g20', 'asean', 'african union', 'red cross', 'amnesty international', 'human rights watch',
  'hamas', 'hezbollah', 'taliban', 'isis', 'islamic state', 'al qaeda', 'al-qaeda', 'gop', 'dnc', 'rnc',
  'democrats', 'republicans', 'labour', 'tories', 'downing street', 'élysée', 'elysee', 'blue house', 'politburo',
]);

/**
 * Nouns by which news refers back to an organization it has named: "the company", "the retailer", "the
 * museum". The team's list of the common ones.
 */
export const ORGANIZATION_NOUNS: ReadonlySet<string> = new Set(['company', 'firm', 'retailer', 'chain', 'museum', 'hospital', 'university', 'school', 'board', 'club', 'team', 'league', 'union', 'agency', 'ministry', 'department', 'council', 'city', 'province', 'charity', 'group', 'bank', 'developer', 'builder', 'insurer', 'airline', 'carrier', 'utility', 'network', 'broadcaster', 'publisher', 'studio', 'startup', 'maker', 'manufacturer', 'producer', 'operator', 'theatre', 'theater', 'festival', 'organization', 'organisation', 'association', 'foundation', 'society', 'service', 'automaker', 'grocer', 'brewery', 'restaurant', 'clinic', 'lab', 'laboratory', 'institute', 'centre', 'center']);
