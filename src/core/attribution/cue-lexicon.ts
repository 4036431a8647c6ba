/**
 * Verbs that introduce attributed words, by lemma, with the attribution type they signal.
 *
 * Source: the reporting verbs most frequent as cues in PolNeAR's training split (counted by the team over
 * `train.jsonl`: said, told, added, wrote, asked, noted, reported, announced, tweeted, argued, explained,
 * continued, …) and the speech, thought and intention classes of PolNeAR's annotation guidelines.
 * Only the lemma is kept here, never any sentence from the data.
 */
import type { AttributionType } from '../analysis.js';

/** Verbs of saying and writing: they can introduce a direct quote. */
const SPEECH = [
  'say', 'tell', 'add', 'write', 'ask', 'note', 'report', 'announce', 'tweet', 'argue', 'explain',
  'continue', 'declare', 'insist', 'claim', 'state', 'recall', 'acknowledge', 'admit', 'reply', 'respond',
  'answer', 'warn', 'caution', 'complain', 'joke', 'quip', 'exclaim', 'shout', 'yell', 'scream', 'whisper',
  'concede', 'conclude', 'observe', 'remark', 'comment', 'predict', 'promise', 'vow', 'pledge', 'assert',
  'maintain', 'contend', 'testify', 'confirm', 'deny', 'repeat', 'reiterate', 'stress', 'emphasize',
  'emphasise', 'suggest', 'urge', 'boast', 'brag', 'post', 'retweet', 'muse', 'mutter', 'recount', 'describe',
  'tout', 'charge', 'allege', 'counter', 'retort', 'lament', 'inform', 'assure', 'advise', 'begin', 'chime',
  'interject', 'elaborate', 'point', 'mention', 'opine', 'proclaim', 'thunder', 'snap', 'sigh', 'laugh',
  'wonder', 'accuse', 'call', 'dub', 'label', 'demand', 'plead', 'speak', 'tell', 'reveal', 'disclose',
  'concur', 'agree', 'disagree', 'recommend', 'propose', 'specify', 'clarify', 'indicate', 'signal',
];

/** Verbs of belief, knowledge and expectation. */
const BELIEF = [
  'think', 'believe', 'know', 'feel', 'expect', 'assume', 'suspect', 'doubt', 'consider', 'fear', 'worry',
  'reckon', 'guess', 'figure', 'realize', 'realise', 'understand', 'imagine', 'suppose', 'conclude', 'trust',
  'recognize', 'recognise', 'forget', 'remember', 'learn', 'regard',
];

/** Verbs of intention and desire. */
const INTENTION = ['want', 'plan', 'intend', 'hope', 'wish', 'aim', 'seek', 'try', 'decide', 'refuse', 'mean', 'prefer', 'threaten', 'vow', 'prepare', 'need'];

/** Verbs of attitude, support and opposition. */
const ATTITUDE = ['support', 'oppose', 'endorse', 'criticize', 'criticise', 'praise', 'defend', 'condemn', 'blame', 'welcome', 'reject', 'back', 'favor', 'favour', 'applaud', 'slam', 'like', 'love', 'hate', 'dislike', 'question', 'challenge', 'dismiss', 'attack'];

/** Verbs of decree: rulings and orders. */
const DECREE = ['rule', 'order', 'decree', 'direct', 'mandate', 'require', 'sentence', 'find', 'hold', 'determine'];

/** Verbs of perception. */
const PERCEPTION = ['see', 'hear', 'notice', 'watch', 'witness', 'observe', 'sense'];

/** Verbs by which evidence (reports, polls, data) attributes a finding. */
const EVIDENCE = ['show', 'indicate', 'reveal', 'suggest', 'find', 'demonstrate', 'confirm', 'prove'];

export const SPEECH_LEMMAS: ReadonlySet<string> = new Set(SPEECH);

const TYPE_OF_LEMMA = new Map<string, AttributionType>();
// Later tables win for lemmas in several: speech is the default reading of a shared verb.
for (const [type, lemmas] of [
  ['evidence', EVIDENCE], ['perception', PERCEPTION], ['decree', DECREE], ['attitude', ATTITUDE],
  ['intention', INTENTION], ['belief', BELIEF], ['statement', SPEECH],
] as const) {
  for (const lemma of lemmas) TYPE_OF_LEMMA.set(lemma, type);
}

/** The attribution type a cue lemma signals, or undefined for a word that is no cue. */
export function typeOfCueLemma(lemma: string): AttributionType | undefined {
  return TYPE_OF_LEMMA.get(lemma);
}

/** Whether a lemma is a verb of saying or writing. */
export function isSpeechLemma(lemma: string): boolean {
  return SPEECH_LEMMAS.has(lemma);
}
