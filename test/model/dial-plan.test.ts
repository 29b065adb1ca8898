import { expect } from '@open-wc/testing';
import {
  LABEL_MAX_LENGTH,
  checkCallTarget,
  checkDialString,
  checkLabel,
  describeProblem,
  exampleNumber,
  stripFormatting,
  type Checked,
  type DialPlan,
  type Problem,
} from '../../src/model/index.js';
import { sampleSnapshot } from '../../src/platform/sample-data.js';

/** The sample platform's dial plan: destination code 0, then 7 to 10 digits. */
const plan = (): DialPlan => sampleSnapshot('u').platform.dialPlan;

const HINT = 'Start with the destination code 0, then the number, e.g. 09818123456';

function problem<T>(result: Checked<T>): Problem {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.value)}`);
  return result.problem;
}

describe('dial plan (FMT-1, FMT-2)', () => {
  describe('exampleNumber', () => {
    it('FMT-2 builds the seed example 09818123456 from the sample dial plan', () => {
      expect(exampleNumber(plan())).to.equal('09818123456');
    });

    it('FMT-2 builds the example from the first destination code and a length the plan allows', () => {
      expect(exampleNumber({ destinationCodes: ['9'], minLength: 4, maxLength: 6 })).to.equal('9981812');
      expect(exampleNumber({ destinationCodes: ['00', '0'], minLength: 7, maxLength: 10 })).to.equal('009818123456');
      expect(exampleNumber({ destinationCodes: ['0'], minLength: 12, maxLength: 15 })).to.equal('0981812345678');
      expect(exampleNumber({ destinationCodes: ['0'], minLength: 20, maxLength: 20 })).to.equal(
        '098181234567890123456',
      );
    });

    it('FMT-2 gives an example that the same dial plan accepts', () => {
      const plans: DialPlan[] = [
        plan(),
        { destinationCodes: ['9'], minLength: 4, maxLength: 6 },
        { destinationCodes: ['0', '00'], minLength: 7, maxLength: 10 },
        { destinationCodes: ['00', '0'], minLength: 1, maxLength: 3 },
        { destinationCodes: ['1234'], minLength: 20, maxLength: 20 },
        { destinationCodes: ['0'], minLength: 11, maxLength: 11 },
      ];
      for (const p of plans) {
        const example = exampleNumber(p);
        expect(checkDialString(example, p), JSON.stringify(p)).to.deep.equal({ ok: true, value: example });
      }
    });
  });

  describe('checkDialString', () => {
    it('FMT-1 accepts the seed number 09818123456 (code 0, number 9818123456)', () => {
      expect(checkDialString('09818123456', plan())).to.deep.equal({ ok: true, value: '09818123456' });
    });

    it('FMT-1 accepts the shortest number of the dial plan (0 + 7 digits)', () => {
      expect(checkDialString('01234567', plan())).to.deep.equal({ ok: true, value: '01234567' });
    });

    it('FMT-1 accepts the longest number of the dial plan (0 + 10 digits)', () => {
      expect(checkDialString('01234567890', plan())).to.deep.equal({ ok: true, value: '01234567890' });
    });

    it('FMT-1 refuses one digit too short with number-length (length, minLength, maxLength)', () => {
      const p = problem(checkDialString('0123456', plan()));
      expect(p).to.deep.equal({
        code: 'number-length',
        destinationCode: '0',
        length: 6,
        minLength: 7,
        maxLength: 10,
        example: '09818123456',
      });
      expect(describeProblem(p)).to.equal(
        'After the destination code 0 the number needs 7 to 10 digits; it has 6. For example 09818123456.',
      );
    });

    it('FMT-1 refuses one digit too long with number-length', () => {
      const p = problem(checkDialString('012345678901', plan()));
      expect(p).to.deep.equal({
        code: 'number-length',
        destinationCode: '0',
        length: 11,
        minLength: 7,
        maxLength: 10,
        example: '09818123456',
      });
      expect(describeProblem(p)).to.contain('needs 7 to 10 digits; it has 11');
      expect(describeProblem(p)).to.contain('09818123456');
    });

    it('FMT-1 words an exact length as "N digits"', () => {
      const fixed: DialPlan = { destinationCodes: ['0'], minLength: 9, maxLength: 9 };
      const p = problem(checkDialString('012345', fixed));
      expect(p).to.include({ code: 'number-length', length: 5, minLength: 9, maxLength: 9 });
      expect(describeProblem(p)).to.equal(
        'After the destination code 0 the number needs 9 digits; it has 5. For example 0981812345.',
      );
    });

    it('FMT-1 refuses a number without a destination code (9818123456) with number-destination-code', () => {
      const p = problem(checkDialString('9818123456', plan()));
      expect(p).to.deep.equal({ code: 'number-destination-code', example: '09818123456', codes: ['0'] });
      expect(describeProblem(p)).to.equal(
        `The number doesn't start with a destination code. ${HINT}.`,
      );
    });

    it('FMT-1 refuses a 200-character number by its length', () => {
      const input = `0${'1'.repeat(199)}`;
      expect(input).to.have.length(200);
      const p = problem(checkDialString(input, plan()));
      expect(p).to.deep.equal({
        code: 'number-length',
        destinationCode: '0',
        length: 199,
        minLength: 7,
        maxLength: 10,
        example: '09818123456',
      });
    });

    it('FMT-2 refuses a 200-character string of letters naming the first letter', () => {
      const p = problem(checkDialString('x'.repeat(200), plan()));
      expect(p).to.deep.equal({ code: 'number-bad-character', character: 'x', example: '09818123456', codes: ['0'] });
    });

    describe('with a dial plan of two destination codes 0 and 00', () => {
      const twoCodes: DialPlan = { destinationCodes: ['0', '00'], minLength: 7, maxLength: 10 };

      it('FMT-1 accepts a number that fits only with the longer code 00 (00 + 10 digits)', () => {
        // With code 0 the rest would be 11 digits, one too many.
        expect(checkDialString('009818123456', twoCodes)).to.deep.equal({ ok: true, value: '009818123456' });
      });

      it('FMT-1 accepts a number that fits only with the shorter code 0 (0 + 7 digits starting with 0)', () => {
        // With code 00 the rest would be 6 digits, one too few.
        expect(checkDialString('00123456', twoCodes)).to.deep.equal({ ok: true, value: '00123456' });
      });

      it('FMT-1 reports the length after the longest matching code when no code fits', () => {
        expect(problem(checkDialString('0012345678901', twoCodes))).to.deep.equal({
          code: 'number-length',
          destinationCode: '00',
          length: 11,
          minLength: 7,
          maxLength: 10,
          example: '09818123456',
        });
      });

      it('FMT-2 names both codes in the message', () => {
        const p = problem(checkDialString('9818123456', twoCodes));
        expect(p).to.deep.equal({ code: 'number-destination-code', example: '09818123456', codes: ['0', '00'] });
        expect(describeProblem(p)).to.contain(
          'Start with a destination code (0 or 00), then the number, e.g. 09818123456',
        );
      });
    });

    it('FMT-2 drops spaces, dashes, dots and parentheses', () => {
      expect(checkDialString('0981-812 (34).56', plan())).to.deep.equal({ ok: true, value: '09818123456' });
      expect(checkDialString(' 0 98 18 12 34 56 ', plan())).to.deep.equal({ ok: true, value: '09818123456' });
      expect(checkDialString('(0)98.18.12.34.56', plan())).to.deep.equal({ ok: true, value: '09818123456' });
    });

    it('FMT-2 drops typographic dashes and non-breaking and tab spaces too', () => {
      // en dash, em dash, hyphen U+2010, no-break space, tab
      expect(checkDialString('0981\u2013812\u201434\u201056\u00a0\t', plan())).to.deep.equal({
        ok: true,
        value: '09818123456',
      });
    });

    it('FMT-2 stripFormatting keeps every other character', () => {
      expect(stripFormatting('+46 (0)70-123.45 67/x')).to.equal('+460701234567/x');
    });

    it('FMT-2 refuses letters with number-bad-character naming the letter and saying what to type', () => {
      const p = problem(checkDialString('0981a8123456', plan()));
      expect(p).to.deep.equal({ code: 'number-bad-character', character: 'a', example: '09818123456', codes: ['0'] });
      const message = describeProblem(p);
      expect(message).to.equal(`A number can't contain “a”. ${HINT}.`);
      expect(message).to.contain(HINT);
    });

    it('FMT-2 refuses the first bad character after formatting is dropped', () => {
      expect(problem(checkDialString('070 12/34#56', plan()))).to.include({
        code: 'number-bad-character',
        character: '/',
      });
    });

    it('FMT-2 refuses a + inside the number as a bad character', () => {
      expect(problem(checkDialString('0701+234567', plan()))).to.include({
        code: 'number-bad-character',
        character: '+',
      });
    });

    it('FMT-2 refuses a leading + (country code) with number-country-code', () => {
      const p = problem(checkDialString('+46 70 123 45 67', plan()));
      expect(p).to.deep.equal({ code: 'number-country-code', example: '09818123456', codes: ['0'] });
      const message = describeProblem(p);
      expect(message).to.equal(`Leave out + and the country code. ${HINT}.`);
    });

    it('FMT-2 treats a + after leading formatting as a country code too', () => {
      expect(problem(checkDialString(' (+46) 70 123 45 67', plan()))).to.include({ code: 'number-country-code' });
    });

    it('FMT-2 refuses an empty string with number-empty', () => {
      const p = problem(checkDialString('', plan()));
      expect(p).to.deep.equal({ code: 'number-empty', example: '09818123456', codes: ['0'] });
      expect(describeProblem(p)).to.equal(`Enter a number. ${HINT}.`);
    });

    it('FMT-2 refuses whitespace and formatting only with number-empty', () => {
      expect(problem(checkDialString('   \t ', plan()))).to.deep.equal({
        code: 'number-empty',
        example: '09818123456',
        codes: ['0'],
      });
      expect(problem(checkDialString(' - ( ) . ', plan()))).to.include({ code: 'number-empty' });
    });

    it('FMT-2 refuses a zero-width space U+200B inside the digits and names it by code point', () => {
      const p = problem(checkDialString('0981\u200B8123456', plan()));
      expect(p).to.deep.equal({
        code: 'number-bad-character',
        character: '\u200B',
        example: '09818123456',
        codes: ['0'],
      });
      const message = describeProblem(p);
      expect(message).to.contain('U+200B');
      expect(message).to.equal(`A number can't contain the invisible character U+200B. ${HINT}.`);
    });

    it('FMT-2 reports an emoji as the whole code point, not half a surrogate pair', () => {
      const p = problem(checkDialString('0981😀8123456', plan()));
      expect(p).to.include({ code: 'number-bad-character', character: '😀' });
      if (p.code !== 'number-bad-character') throw new Error('unreachable');
      expect([...p.character]).to.have.length(1);
      expect(p.character.codePointAt(0)).to.equal(0x1f600);
      expect(describeProblem(p)).to.equal(`A number can't contain “😀”. ${HINT}.`);
    });

    it('FMT-2 refuses digits of other scripts (full-width, Arabic-Indic) as bad characters', () => {
      expect(problem(checkDialString('０９８１８１２３４５６', plan()))).to.include({
        code: 'number-bad-character',
        character: '０',
      });
      expect(problem(checkDialString('0٩٨١٨١٢٣٤٥٦', plan()))).to.include({
        code: 'number-bad-character',
        character: '٩',
      });
    });

    it('FMT-2 names a control character by code point', () => {
      const p = problem(checkDialString('0981\u00078123456', plan()));
      expect(p).to.include({ code: 'number-bad-character', character: '\u0007' });
      expect(describeProblem(p)).to.contain('U+0007');
    });
  });

  describe('checkLabel', () => {
    it('ADD-4 accepts a label and drops surrounding spaces', () => {
      expect(checkLabel('  Cabin phone \t')).to.deep.equal({ ok: true, value: 'Cabin phone' });
    });

    it('EDIT-3 accepts labels of any script, with emoji', () => {
      expect(checkLabel('Ämnesnummer 携帯 📱')).to.deep.equal({ ok: true, value: 'Ämnesnummer 携帯 📱' });
    });

    it('ADD-4 refuses an empty or whitespace-only label with label-empty', () => {
      const p = problem(checkLabel(''));
      expect(p).to.deep.equal({ code: 'label-empty' });
      expect(describeProblem(p)).to.equal('Enter a label, e.g. Mobile.');
      expect(problem(checkLabel(' \t\n '))).to.deep.equal({ code: 'label-empty' });
    });

    it(`ADD-4 accepts ${LABEL_MAX_LENGTH} characters, counting an emoji as one, and refuses one more`, () => {
      expect(LABEL_MAX_LENGTH).to.equal(50);
      const fifty = `${'a'.repeat(49)}📱`;
      expect(checkLabel(fifty)).to.deep.equal({ ok: true, value: fifty });
      const p = problem(checkLabel(`${fifty}b`));
      expect(p).to.deep.equal({ code: 'label-too-long', maxLength: 50 });
      expect(describeProblem(p)).to.equal('A label can have at most 50 characters.');
    });

    it('ADD-4 refuses control characters inside a label', () => {
      const p = problem(checkLabel('Home\nphone'));
      expect(p).to.deep.equal({ code: 'label-control-character' });
      expect(describeProblem(p)).to.equal('A label can only contain printable characters.');
      expect(problem(checkLabel('Ho\u0000me'))).to.deep.equal({ code: 'label-control-character' });
    });

    it('ADD-4 refuses a label of only zero-width characters, and bidi overrides that disguise text', () => {
      expect(problem(checkLabel('\u200B\u200B'))).to.deep.equal({ code: 'label-empty' });
      expect(problem(checkLabel('Home\u202Eenoh'))).to.deep.equal({ code: 'label-control-character' });
      expect(checkLabel('Ho\u200Dme')).to.deep.equal({ ok: true, value: 'Ho\u200Dme' });
    });

    it('ADD-4 refuses a label holding a lone surrogate (not well-formed Unicode), and accepts the whole pair', () => {
      for (const label of ['a\uD800b', '\uDC00x', '\uDC00\uD800', 'Mobile \uD83D']) {
        expect(problem(checkLabel(label)), JSON.stringify(label)).to.deep.equal({ code: 'label-broken-character' });
      }
      expect(checkLabel('Mobile \uD83D\uDCF1')).to.deep.equal({ ok: true, value: 'Mobile 📱' });
    });

    it('EMB-3 keeps markup in a label as plain text (it is data, never parsed)', () => {
      expect(checkLabel('<img src=x onerror=alert(1)>')).to.deep.equal({
        ok: true,
        value: '<img src=x onerror=alert(1)>',
      });
    });
  });

  describe('checkCallTarget', () => {
    it('CALL-2 accepts an extension, an external number with formatting, * and #', () => {
      expect(checkCallTarget('4711')).to.deep.equal({ ok: true, value: '4711' });
      expect(checkCallTarget('+46 (70) 123-45.67')).to.deep.equal({ ok: true, value: '+46701234567' });
      expect(checkCallTarget('*21#')).to.deep.equal({ ok: true, value: '*21#' });
    });

    it('CALL-2 accepts 32 characters and refuses 33', () => {
      expect(checkCallTarget('1'.repeat(32))).to.deep.equal({ ok: true, value: '1'.repeat(32) });
      expect(problem(checkCallTarget('1'.repeat(33)))).to.deep.equal({ code: 'call-target-invalid' });
    });

    it('CALL-2 refuses empty input, letters, a + inside, and invisible characters', () => {
      for (const input of ['', '   ', 'abc', '12+34', '++46', '47\u200B11', '47😀11']) {
        const p = problem(checkCallTarget(input));
        expect(p, JSON.stringify(input)).to.deep.equal({ code: 'call-target-invalid' });
        expect(describeProblem(p)).to.equal('Enter the number to call using digits, * or #.');
      }
    });
  });
});
