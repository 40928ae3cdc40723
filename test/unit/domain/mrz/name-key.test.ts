import { describe, expect, it } from 'vitest';
import { nameKey, nameSimilarity } from '../../../../shared/domain/mrz';

describe('nameKey (ICAO 9303 Part 3 §6 transliteration)', () => {
  it('keeps MRZ names, turning fillers into spaces', () => {
    expect(nameKey('ERIKSSON<<ANNA<MARIA')).toBe('ERIKSSON ANNA MARIA');
    expect(nameKey('  Anna   Maria ')).toBe('ANNA MARIA');
  });

  it('transliterates Latin letters with diacritics', () => {
    expect(nameKey('Müller')).toBe('MUELLER');
    expect(nameKey('Straße')).toBe('STRASSE');
    expect(nameKey('Ærø Øster Åsa')).toBe('AEROE OESTER AASA');
    expect(nameKey('Łukasz Żółć')).toBe('LUKASZ ZOLC');
    expect(nameKey('Đorđević Şahin')).toBe('DORDEVIC SAHIN');
    expect(nameKey('Þór Œuvre')).toBe('THOR OEUVRE');
    expect(nameKey('José Françoise Núñez')).toBe('JOSE FRANCOISE NUNEZ');
    // decomposed input (U + combining diaeresis) is composed first
    expect(nameKey('Mu\u0308ller')).toBe('MUELLER');
  });

  it('omits apostrophes and turns hyphens into spaces', () => {
    expect(nameKey("O'Brien-Smith")).toBe('OBRIEN SMITH');
    expect(nameKey('D’Artagnan')).toBe('DARTAGNAN');
  });

  it('transliterates Russian Cyrillic per the ICAO table', () => {
    expect(nameKey('Юлия Щеглова')).toBe('IULIIA SHCHEGLOVA');
    expect(nameKey('Фёдор Хрущёв')).toBe('FEDOR KHRUSHCHEV');
    expect(nameKey('Царёв Чайковский')).toBe('TSAREV CHAIKOVSKII');
    expect(nameKey('Объедков Ильин')).toBe('OBIEEDKOV ILIN');
    expect(nameKey('Жуков Эрнст Ыкин')).toBe('ZHUKOV ERNST YKIN');
  });

  it('transliterates Ukrainian, Belarusian, Serbian and Macedonian letters', () => {
    expect(nameKey('Ґалаґан Євгенія Їжак')).toBe('GALAGAN IEVGENIIA IZHAK');
    expect(nameKey('Ўладзімір')).toBe('ULADZIMIR');
    expect(nameKey('Љубиша Њего Џаковић Ђорђе')).toBe('LJUBISHA NJEGO DZAKOVIC DORDE');
    expect(nameKey('Ѓорѓи Ќосе Ѕвезда Јован')).toBe('GORGI KOSE DZVEZDA JOVAN');
  });

  it('transliterates Kazakh, Uzbek and Tajik letters', () => {
    expect(nameKey('ҶУРАЕВ')).toBe('DZHURAEV');
    expect(nameKey('Ҳакимов')).toBe('KHAKIMOV');
    expect(nameKey('Ғафуров')).toBe('GAFUROV');
    expect(nameKey('Қасымов')).toBe('KASYMOV');
    expect(nameKey('Ңұрлан')).toBe('NURLAN');
    expect(nameKey('Ӯрунов Ӣсмоил')).toBe('URUNOV ISMOIL');
    expect(nameKey('Әбдіқадыр Өмір Үмбет')).toBe('ABDIKADYR OMIR UMBET');
    expect(nameKey('Һибат')).toBe('HIBAT');
    expect(nameKey('Ўрозов')).toBe('UROZOV');
    expect(nameKey('ёжиков')).toBe('EZHIKOV');
  });

  it('drops what it cannot transliterate', () => {
    expect(nameKey('李 小龙')).toBe('');
    expect(nameKey('R2-D2')).toBe('R D');
    expect(nameKey('')).toBe('');
  });
});

describe('nameSimilarity', () => {
  it('scores ҶУРАЕВ ~ DZHURAEV ~ JURAEV high', () => {
    expect(nameSimilarity('ҶУРАЕВ', 'DZHURAEV')).toBe(1);
    expect(nameSimilarity('ҶУРАЕВ', 'JURAEV')).toBeGreaterThan(0.9);
    expect(nameSimilarity('DZHURAEV', 'JURAEV')).toBeGreaterThan(0.9);
    expect(nameSimilarity('Джураев', 'Ҷураев')).toBe(1);
  });

  it('scores other transliteration variants high', () => {
    const pairs: [string, string][] = [
      ['Ҳакимов', 'HAKIMOV'],
      ['Ҳакимов', 'XAKIMOV'],
      ['Қасымов', 'QASIMOV'],
      ['Ғафуров', 'GHAFUROV'],
      ['Юлия', 'YULIYA'],
      ['Евгений', 'YEVGENIY'],
      ['Фёдор', 'FYODOR'],
      ['MÜLLER', 'MULLER'],
      ['MÜLLER', 'MUELLER'],
      ['ALEKSANDR', 'ALEXANDER'],
    ];
    for (const [a, b] of pairs) expect(nameSimilarity(a, b), `${a} ~ ${b}`).toBeGreaterThan(0.8);
  });

  it('ignores word order and word breaks', () => {
    expect(nameSimilarity('ANNA MARIA ERIKSSON', 'ERIKSSON<<ANNA<MARIA')).toBe(1);
    expect(nameSimilarity('VAN DER VELDEN', 'VANDERVELDEN')).toBe(1);
    expect(nameSimilarity('ERIKSSON ANNA', 'ERIKSSON ANNA MARIA')).toBeGreaterThan(0.85);
  });

  it('scores unrelated names low', () => {
    // 0.4 here: a vowel for a vowel costs half an edit, and these share the vowels A, E/O
    expect(nameSimilarity('JURAEV', 'PETROVA')).toBeLessThan(0.45);
    expect(nameSimilarity('IVANOV', 'PETROV')).toBeLessThan(0.4);
    expect(nameSimilarity('ERIKSSON ANNA', 'KARIMOV BAKHODIR')).toBeLessThan(0.4);
    expect(nameSimilarity('ABC', 'XYZ')).toBe(0);
  });

  it('is symmetric, in 0..1, and 0 for empty names', () => {
    expect(nameSimilarity('ҶУРАЕВ', 'JURAEV')).toBe(nameSimilarity('JURAEV', 'ҶУРАЕВ'));
    expect(nameSimilarity('', 'JURAEV')).toBe(0);
    expect(nameSimilarity('李', '李')).toBe(0);
    expect(nameSimilarity('ANNA', 'ANNA')).toBe(1);
  });
});
