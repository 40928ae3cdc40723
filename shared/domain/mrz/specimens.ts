import type { MrzFormat } from './types';

export interface MrzSpecimen {
  readonly name: string;
  readonly format: MrzFormat;
  readonly lines: readonly string[];
}

/**
 * Valid MRZs for tests, the benchmark and the UI's training mode: the ICAO 9303 "Utopia" specimens
 * (Parts 4–7) and documents built for this project with fictitious holders, every check digit computed.
 */
export const MRZ_SPECIMENS: readonly MrzSpecimen[] = [
  {
    name: 'ICAO TD3 passport specimen (Part 4)',
    format: 'TD3',
    lines: ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'],
  },
  {
    name: 'ICAO TD1 identity card specimen (Part 5)',
    format: 'TD1',
    lines: ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  },
  {
    name: 'ICAO TD2 identity card specimen (Part 6)',
    format: 'TD2',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'],
  },
  {
    name: 'ICAO MRV-A visa specimen (Part 7)',
    format: 'MRVA',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'],
  },
  {
    name: 'ICAO MRV-B visa specimen (Part 7)',
    format: 'MRVB',
    lines: ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'],
  },
  {
    name: 'German passport, state code D<<, umlauts transliterated',
    format: 'TD3',
    lines: ['P<D<<MUELLER<LUEDENSCHEIDT<<HANS<PETER<<<<<<', 'C4J6R0H177D<<8307141M3103027<<<<<<<<<<<<<<<2'],
  },
  {
    name: 'Tajik passport, Ҷураев Фаррух',
    format: 'TD3',
    lines: ['P<TJKDZHURAEV<<FARRUKH<<<<<<<<<<<<<<<<<<<<<<', '4012345676TJK9011034M290520212345678901<<<04'],
  },
  {
    name: 'Kazakh passport, Әбдіқадыр Айгүл, personal number',
    format: 'TD3',
    lines: ['P<KAZABDIKADYR<<AIGUL<<<<<<<<<<<<<<<<<<<<<<<', 'N123456785KAZ9502286F3009152950228400123<<00'],
  },
  {
    name: 'TD1 card with a 12-character document number (overflow into optional data)',
    format: 'TD1',
    lines: ['I<UTOD23145890<7349<<<<<<<<<<<', '7408122F3304156UTO<<<<<<<<<<<2', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'],
  },
  {
    name: 'Belgian-style TD1 card, optional data on line 2',
    format: 'TD1',
    lines: ['IDBEL5921234569<<<<<<<<<<<<<<<', '8502016F2901019BEL850201002008', 'VAN<DER<VELDEN<<GREET<HILDE<<<'],
  },
  {
    name: 'TD2 card with an 11-character document number',
    format: 'TD2',
    lines: ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D23145890<UTO7408122F3204153120<<<<6'],
  },
  {
    name: 'French identity card (pre-2021)',
    format: 'FRENCH_ID',
    lines: ['IDFRADUPONT<<<<<<<<<<<<<<<<<<<075001', '1506750123453MARIE<<CLAIRE<8805175F6'],
  },
  {
    name: 'Schengen-style MRV-B visa for a Russian national',
    format: 'MRVB',
    lines: ['V<POLIVANOVA<<OLGA<<<<<<<<<<<<<<<<<<', 'VS12345679RUS7912311F2601308<<<<<<<<'],
  },
  {
    name: 'MRV-A visa with document code VC',
    format: 'MRVA',
    lines: ['VCFINKARIMOV<<BAKHODIR<<<<<<<<<<<<<<<<<<<<<<', 'FIN1234567UZB6903055M2512244<<<<<<<<<<<<<<<<'],
  },
];
