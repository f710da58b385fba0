import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fitKnowledge } from '../cli/kb-fit';
import { loadKnowledgeBase } from '.';
import { FEATURE_NAMES } from './confidence';
import { MODELS_FILE, modelsJson, parseModels, PROJECT_MODELS, readModels } from './models';
import { LEARNED_WORDS_FILE } from './learnedWords';
import { realSetPath, TRAINING_SETS, TUNED_SETS } from '../../test/helpers/realSets';

const ROOT = path.join(__dirname, '..', '..');
const KNOWLEDGE = path.join(ROOT, 'knowledge');

describe('knowledge/models.json', () => {
  it('matches a fresh fit on half A of the development set, as are the learned words (else: npm run kb:fit)', () => {
    const { files } = fitKnowledge({ dir: KNOWLEDGE, questions: path.join(ROOT, 'test', 'fixtures', 'questions.json'), real: TUNED_SETS.map(realSetPath), training: TRAINING_SETS.map(realSetPath), check: true });
    const [learned, models] = files;
    expect(learned.file).toBe(path.join(KNOWLEDGE, LEARNED_WORDS_FILE));
    expect(learned.text).toBe(fs.readFileSync(learned.file, 'utf8'));
    // Compare the models, not the recorded path of the questions file.
    const fresh = JSON.parse(models.text) as { confidence: unknown; relevance: unknown };
    const onDisk = JSON.parse(fs.readFileSync(path.join(KNOWLEDGE, MODELS_FILE), 'utf8')) as { confidence: unknown; relevance: unknown };
    expect({ confidence: onDisk.confidence, relevance: onDisk.relevance }).toEqual({ confidence: fresh.confidence, relevance: fresh.relevance });
  }, 60_000);

  it('is what the bot uses when a knowledge folder has no models.json', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'models-'));
    expect(readModels(empty)).toEqual({ models: PROJECT_MODELS, problems: [] });
    expect(readModels(KNOWLEDGE).models).toEqual(PROJECT_MODELS);
  });
});

describe('parseModels', () => {
  const good = JSON.parse(modelsJson(PROJECT_MODELS)) as Record<string, unknown>;

  it('round-trips the file format', () => {
    expect(parseModels(good).models).toEqual({
      ...PROJECT_MODELS,
      confidence: { bias: expect.closeTo(PROJECT_MODELS.confidence.bias, 3), weights: PROJECT_MODELS.confidence.weights.map((w) => expect.closeTo(w, 3)) },
      relevance: { bias: expect.closeTo(PROJECT_MODELS.relevance.bias, 3), weights: PROJECT_MODELS.relevance.weights.map((w) => expect.closeTo(w, 3)) },
    });
  });

  it.each([
    ['features in another order', { ...good, features: [...FEATURE_NAMES].reverse() }, 'features'],
    ['a weight missing', { ...good, confidence: { bias: -1, weights: [1, 2] } }, 'confidence.weights'],
    ['a negative weight', { ...good, relevance: { bias: -1, weights: FEATURE_NAMES.map(() => -1) } }, 'relevance.weights.0'],
    ['no fit record', { ...good, fitted: undefined }, 'fitted'],
  ])('rejects %s, naming the field', (_name, data, field) => {
    const { models, problems } = parseModels(data);
    expect(models).toBeUndefined();
    expect(problems.map((p) => p.field)).toContain(field);
  });
});

describe('a knowledge folder with its own models', () => {
  function folderWith(models: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'models-kb-'));
    fs.cpSync(KNOWLEDGE, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, MODELS_FILE), models);
    return dir;
  }

  it('answers with them: a model that is never confident turns answers into "did you mean"', () => {
    const never = { ...PROJECT_MODELS, confidence: { bias: -50, weights: FEATURE_NAMES.map(() => 0) } };
    const { kb } = loadKnowledgeBase(folderWith(modelsJson(never)), { today: '2026-12-02' });
    const result = kb!.answer('is the $800 de minimis exemption still available?');
    expect(result.kind).toBe('did-you-mean');
    expect(result.confidence).toBeLessThan(0.001);
  });

  it('a broken file is an error that stops the load (kb:check reports it)', () => {
    const { kb, problems } = loadKnowledgeBase(folderWith('{ not json'), { today: '2026-12-02' });
    expect(kb).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: MODELS_FILE, severity: 'error' }));
  });
});
