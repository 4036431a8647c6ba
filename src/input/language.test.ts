import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessEnglish } from './language.js';

test('guessEnglish tells English prose from other languages by its function words', () => {
  const cases: [string, boolean | undefined][] = [
    ['The mayor said on Monday that the bridge would be repaired before the first snow, and the council agreed to pay for the work out of the reserve fund that it set aside last year.', true],
    ['"We have heard this before," he told reporters at the town hall, adding that he did not trust the plan and would vote against it when it came to the council in April.', true],
    ['Le maire a annoncé lundi que le pont serait réparé avant les premières neiges, et le conseil municipal a accepté de financer les travaux avec le fonds de réserve créé l\'an dernier.', false],
    ['Der Bürgermeister sagte am Montag, die Brücke werde vor dem ersten Schnee repariert, und der Stadtrat stimmte zu, die Arbeiten aus der Rücklage des vergangenen Jahres zu bezahlen.', false],
    ['市长周一表示，这座老桥将在第一场雪之前修好，市议会同意用去年设立的储备基金支付这项工程的费用。', false],
    ['Too short to judge.', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(guessEnglish(text).english, expected, text);
});
