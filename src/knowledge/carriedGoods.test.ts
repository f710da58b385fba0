import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCarriedGoods } from '../cli/kb-lexicon';
import { CARRIED_GOODS_FILE, carriedGoodsFile, carriedGoodsWords, parseWordList, readCarriedGoods } from './carriedGoods';

/**
 * A tiny WordNet in its own file formats: each synset with its hyponyms, each lemma with its
 * senses (most frequent first).
 */
function wordNet(synsets: Record<string, string[]>, lemmas: Record<string, string[]>): { indexNoun: string; dataNoun: string } {
  const offset = (name: string) => String(Object.keys(synsets).indexOf(name) + 1).padStart(8, '0');
  const license = '  1 This software and database is being provided …\n';
  const dataNoun =
    license +
    Object.entries(synsets)
      .map(([name, below]) => `${offset(name)} 03 n 01 ${name} 0 ${String(below.length).padStart(3, '0')}${below.map((b) => ` ~ ${offset(b)} n 0000`).join('')} | ${name}`)
      .join('\n');
  const indexNoun =
    license +
    Object.entries(lemmas)
      .map(([lemma, senses]) => `${lemma} n ${senses.length} 1 ~ ${senses.length} 0 ${senses.map(offset).join(' ')}`)
      .join('\n');
  return { indexNoun, dataNoun };
}

const { indexNoun, dataNoun } = wordNet(
  {
    nutrient: ['edibleFruit', 'beverage'], solidFood: ['salami'], fruit: [], seed: [], flora: ['mangoTree', 'lilyPlant'],
    fauna: ['hamster', 'arthropod', 'primate2', 'horse'], arthropod: ['flea'], primate2: ['human'], horse: ['chargerHorse'],
    beverage: ['tea'], alcohol: [], factory: [], archbishop: [], device: ['chargerDevice'],
    edibleFruit: [], salami: [], mangoTree: [], lilyPlant: [], hamster: [], flea: [], human: [], chargerHorse: [], tea: [], chargerDevice: [],
  },
  {
    food: ['nutrient', 'solidFood'], fruit: ['fruit'], seed: ['seed'], plant: ['factory', 'flora'], animal: ['fauna'],
    beverage: ['beverage'], alcohol: ['alcohol'], arthropod: ['arthropod'], primate: ['archbishop', 'primate2'],
    mango: ['mangoTree', 'edibleFruit'], salami: ['salami'], lily: ['lilyPlant'], hamster: ['hamster'], flea: ['flea'],
    human: ['human'], charger: ['chargerHorse', 'chargerDevice'], tea: ['tea'], ice_cream: ['salami'], e: ['edibleFruit'],
  },
);

describe('carriedGoodsWords', () => {
  const words = carriedGoodsWords(indexNoun, dataNoun, new Set(['lily']));

  it('keeps single words all of whose senses are foods, plants or animals', () => {
    expect(words).toEqual(expect.arrayContaining(['mango', 'salami', 'hamster']));
  });

  it('leaves out a word with another sense: a charger is also a device', () => {
    expect(words).not.toContain('charger');
  });

  it('leaves out drinks, insects and primates, excluded words, phrases and two-letter lemmas', () => {
    for (const w of ['tea', 'flea', 'human', 'lily', 'ice_cream', 'e']) expect(words).not.toContain(w);
  });

  it('says which sense it cannot find', () => {
    expect(() => carriedGoodsWords('food n 1 0 1 0 00000001\n', '00000001 03 n 01 food 0 000 | food\n')).toThrow(/food#2/);
  });
});

describe('the carried-goods file', () => {
  it('reads back what it writes, without the header', () => {
    expect(parseWordList(carriedGoodsFile(['mango', 'salami'], 'test'))).toEqual(['mango', 'salami']);
  });

  it('is absent in a folder without it: no words', () => {
    expect(readCarriedGoods(fs.mkdtempSync(path.join(os.tmpdir(), 'goods-')))).toEqual([]);
  });

  it('in the knowledge folder is what `npm run kb:lexicon` builds from the installed WordNet', () => {
    const file = path.join(__dirname, '..', '..', 'knowledge', CARRIED_GOODS_FILE);
    expect(fs.readFileSync(file, 'utf8') === generateCarriedGoods()).toBe(true);
    expect(readCarriedGoods(path.dirname(file))).toEqual(expect.arrayContaining(['mango', 'salami', 'hamster']));
    expect(readCarriedGoods(path.dirname(file))).not.toContain('tom');
  });
});
