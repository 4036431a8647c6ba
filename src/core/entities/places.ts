/**
 * Place names and the adjectives made from them, lower-cased. Team-written lists:
 * - countries: the short English names of the UN member and observer states, with the short forms news
 *   uses ("U.S.", "U.K.", "Britain"), as on the UN's list of member states;
 * - US states and the District of Columbia, as in the USPS state list;
 * - world capitals and large cities that news datelines name, chosen by the team from the capitals on the
 *   UN list and the largest metropolitan areas;
 * - regions and blocs that act like places in news ("Middle East", "Europe", "Gaza").
 * Demonyms ("North Korean" → North Korea) follow the same country list.
 */

const COUNTRIES = [
  'afghanistan', 'albania', 'algeria', 'andorra', 'angola', 'argentina', 'armenia', 'australia', 'austria',
  'azerbaijan', 'bahamas', 'bahrain', 'bangladesh', 'barbados', 'belarus', 'belgium', 'belize', 'benin', 'bhutan',
  'bolivia', 'bosnia', 'botswana', 'brazil', 'brunei', 'bulgaria', 'burkina faso', 'burundi', 'cambodia', 'cameroon',
  'canada', 'chad', 'chile', 'china', 'colombia', 'congo', 'costa rica', 'croatia', 'cuba', 'cyprus', 'czech republic',
  'czechia', 'denmark', 'djibouti', 'dominican republic', 'ecuador', 'egypt', 'el salvador', 'eritrea', 'estonia',
  'eswatini', 'ethiopia', 'fiji', 'finland', 'france', 'gabon', 'gambia', 'georgia', 'germany', 'ghana', 'greece',
  'guatemala', 'guinea', 'guyana', 'haiti', 'honduras', 'hungary', 'iceland', 'india', 'indonesia', 'iran', 'iraq',
  'ireland', 'israel', 'italy', 'ivory coast', 'jamaica', 'japan', 'jordan', 'kazakhstan', 'kenya', 'kosovo', 'kuwait',
  'kyrgyzstan', 'laos', 'latvia', 'lebanon', 'lesotho', 'liberia', 'libya', 'liechtenstein', 'lithuania', 'luxembourg',
  'madagascar', 'malawi', 'malaysia', 'maldives', 'mali', 'malta', 'mauritania', 'mauritius', 'mexico', 'moldova',
  'monaco', 'mongolia', 'montenegro', 'morocco', 'mozambique', 'myanmar', 'burma', 'namibia', 'nepal', 'netherlands',
  'new zealand', 'nicaragua', 'niger', 'nigeria', 'north korea', 'north macedonia', 'macedonia', 'norway', 'oman',
  'pakistan', 'palestine', 'panama', 'papua new guinea', 'paraguay', 'peru', 'philippines', 'poland', 'portugal',
  'qatar', 'romania', 'russia', 'rwanda', 'saudi arabia', 'senegal', 'serbia', 'sierra leone', 'singapore', 'slovakia',
  'slovenia', 'somalia', 'south africa', 'south korea', 'south sudan', 'spain', 'sri lanka', 'sudan', 'suriname',
  'sweden', 'switzerland', 'syria', 'taiwan', 'tajikistan', 'tanzania', 'thailand', 'togo', 'trinidad', 'tunisia',
  'turkey', 'turkmenistan', 'uganda', 'ukraine', 'united arab emirates', 'uae', 'united kingdom', 'u.k.', 'uk',
  'britain', 'great britain', 'england', 'scotland', 'wales', 'northern ireland', 'united states', 'u.s.', 'us',
  'u.s.a.', 'usa', 'america', 'uruguay', 'uzbekistan', 'venezuela', 'vietnam', 'yemen', 'zambia', 'zimbabwe', 'korea',
  'vatican', 'hong kong', 'macau', 'greenland', 'puerto rico',
];

const US_STATES = [
  'alabama', 'alaska', 'arizona', 'arkansas', 'california', 'colorado', 'connecticut', 'delaware', 'florida',
  'hawaii', 'idaho', 'illinois', 'indiana', 'iowa', 'kansas', 'kentucky', 'louisiana', 'maine', 'maryland',
  'massachusetts', 'michigan', 'minnesota', 'mississippi', 'missouri', 'montana', 'nebraska', 'nevada',
  'new hampshire', 'new jersey', 'new mexico', 'new york', 'north carolina', 'north dakota', 'ohio', 'oklahoma',
  'oregon', 'pennsylvania', 'rhode island', 'south carolina', 'south dakota', 'tennessee', 'texas', 'utah',
  'vermont', 'virginia', 'west virginia', 'wisconsin', 'wyoming', 'district of columbia', 'd.c.',
];

const CITIES = [
  'washington', 'new york city', 'los angeles', 'chicago', 'houston', 'philadelphia', 'phoenix', 'san francisco',
  'boston', 'seattle', 'miami', 'atlanta', 'dallas', 'detroit', 'denver', 'las vegas', 'baltimore', 'pittsburgh',
  'cleveland', 'new orleans', 'san diego', 'austin', 'nashville', 'charlotte', 'minneapolis', 'st. louis',
  'london', 'paris', 'berlin', 'madrid', 'rome', 'lisbon', 'dublin', 'brussels', 'amsterdam', 'the hague', 'vienna',
  'geneva', 'zurich', 'bern', 'stockholm', 'oslo', 'copenhagen', 'helsinki', 'warsaw', 'prague', 'budapest',
  'bucharest', 'sofia', 'athens', 'belgrade', 'kiev', 'kyiv', 'minsk', 'moscow', 'st. petersburg', 'istanbul',
  'ankara', 'tehran', 'baghdad', 'damascus', 'beirut', 'amman', 'jerusalem', 'tel aviv', 'cairo', 'riyadh', 'doha',
  'dubai', 'abu dhabi', 'kabul', 'islamabad', 'karachi', 'new delhi', 'delhi', 'mumbai', 'dhaka', 'beijing',
  'shanghai', 'hong kong', 'taipei', 'tokyo', 'osaka', 'seoul', 'pyongyang', 'hanoi', 'bangkok', 'manila', 'jakarta',
  'kuala lumpur', 'singapore', 'sydney', 'melbourne', 'canberra', 'wellington', 'ottawa', 'toronto', 'montreal',
  'vancouver', 'mexico city', 'havana', 'caracas', 'bogota', 'lima', 'santiago', 'buenos aires', 'brasilia',
  'rio de janeiro', 'sao paulo', 'nairobi', 'lagos', 'abuja', 'johannesburg', 'cape town', 'addis ababa', 'khartoum',
  'tripoli', 'tunis', 'algiers', 'rabat', 'kinshasa', 'sochi', 'davos', 'hanoi', 'panmunjom', 'camp david',
  'mar-a-lago', 'brooklyn', 'manhattan', 'hollywood', 'silicon valley', 'wall street',
];

const REGIONS = [
  'europe', 'asia', 'africa', 'middle east', 'latin america', 'south america', 'north america', 'central america',
  'east asia', 'southeast asia', 'the west', 'gaza', 'gaza strip', 'west bank', 'crimea', 'kashmir', 'tibet',
  'korean peninsula', 'persian gulf', 'gulf', 'balkans', 'caribbean', 'pacific', 'atlantic', 'arctic', 'antarctica',
  'midwest', 'capitol hill',
];

/** Every place name, lower-cased, as one set. */
export const PLACES: ReadonlySet<string> = new Set([...COUNTRIES, ...US_STATES, ...CITIES, ...REGIONS]);

/** Adjectives of place, lower-cased, to the place they name. Source: the country list above. */
export const DEMONYMS: ReadonlyMap<string, string> = new Map([
  ['american', 'United States'], ['u.s.', 'United States'], ['north korean', 'North Korea'], ['south korean', 'South Korea'],
  ['korean', 'Korea'], ['chinese', 'China'], ['russian', 'Russia'], ['soviet', 'Soviet Union'], ['british', 'Britain'],
  ['english', 'England'], ['scottish', 'Scotland'], ['irish', 'Ireland'], ['french', 'France'], ['german', 'Germany'],
  ['italian', 'Italy'], ['spanish', 'Spain'], ['portuguese', 'Portugal'], ['dutch', 'Netherlands'], ['belgian', 'Belgium'],
  ['swiss', 'Switzerland'], ['austrian', 'Austria'], ['swedish', 'Sweden'], ['norwegian', 'Norway'], ['danish', 'Denmark'],
  ['finnish', 'Finland'], ['polish', 'Poland'], ['czech', 'Czech Republic'], ['hungarian', 'Hungary'], ['greek', 'Greece'],
  ['turkish', 'Turkey'], ['ukrainian', 'Ukraine'], ['belarusian', 'Belarus'], ['iranian', 'Iran'], ['iraqi', 'Iraq'],
  ['syrian', 'Syria'], ['lebanese', 'Lebanon'], ['israeli', 'Israel'], ['palestinian', 'Palestine'], ['egyptian', 'Egypt'],
  ['saudi', 'Saudi Arabia'], ['jordanian', 'Jordan'], ['qatari', 'Qatar'], ['emirati', 'United Arab Emirates'],
  ['yemeni', 'Yemen'], ['afghan', 'Afghanistan'], ['pakistani', 'Pakistan'], ['indian', 'India'], ['bangladeshi', 'Bangladesh'],
  ['japanese', 'Japan'], ['taiwanese', 'Taiwan'], ['vietnamese', 'Vietnam'], ['thai', 'Thailand'], ['filipino', 'Philippines'],
  ['indonesian', 'Indonesia'], ['malaysian', 'Malaysia'], ['australian', 'Australia'], ['canadian', 'Canada'],
  ['mexican', 'Mexico'], ['cuban', 'Cuba'], ['venezuelan', 'Venezuela'], ['colombian', 'Colombia'], ['brazilian', 'Brazil'],
  ['argentine', 'Argentina'], ['chilean', 'Chile'], ['peruvian', 'Peru'], ['nigerian', 'Nigeria'], ['kenyan', 'Kenya'],
  ['ethiopian', 'Ethiopia'], ['south african', 'South Africa'], ['libyan', 'Libya'], ['sudanese', 'Sudan'],
  ['european', 'Europe'], ['african', 'Africa'], ['asian', 'Asia'], ['arab', 'Arab world'], ['western', 'the West'],
  ['californian', 'California'], ['texan', 'Texas'], ['new zealand', 'New Zealand'],
]);
