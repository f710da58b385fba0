import { confidenceOf, FEATURE_NAMES, featureVector, kindFor, SURE_RELEVANCE, THRESHOLDS, type MatchFeatures } from './confidence';
import { MODEL, RELEVANCE_MODEL } from './models';

const strong: MatchFeatures = { coverage: 1, phrasing: 0.9, margin: 0.5, pairs: 0.5, evidence: 0.9, familiarity: 0.6, listed: 0 };
const weak: MatchFeatures = { coverage: 0.3, phrasing: 0.2, margin: 0.1, pairs: 0, evidence: 0.2, familiarity: 0.2, listed: 0 };
const nothing: MatchFeatures = { coverage: 0, phrasing: 0, margin: 0, pairs: 0, evidence: 0, familiarity: 0, listed: 0 };

describe('confidenceOf', () => {
  it('stays in (0, 1)', () => {
    for (const f of [strong, weak, nothing]) {
      const c = confidenceOf(f, MODEL);
      expect(c).toBeGreaterThan(0);
      expect(c).toBeLessThan(1);
    }
  });

  it.each([['confidence', MODEL], ['relevance', RELEVANCE_MODEL]] as const)('%s never falls when a feature rises (no negative weights)', (_name, model) => {
    expect(model.weights).toHaveLength(FEATURE_NAMES.length);
    expect(model.weights.every((w) => w >= 0)).toBe(true);
    for (const k of FEATURE_NAMES) expect(confidenceOf({ ...weak, [k]: weak[k] + 0.3 }, model)).toBeGreaterThanOrEqual(confidenceOf(weak, model));
  });

  it('separates a close match from a loose one across the thresholds', () => {
    expect(confidenceOf(strong, MODEL)).toBeGreaterThanOrEqual(THRESHOLDS.answer);
    expect(confidenceOf(strong, RELEVANCE_MODEL)).toBeGreaterThanOrEqual(THRESHOLDS.relevance);
    expect(confidenceOf(weak, RELEVANCE_MODEL)).toBeLessThan(THRESHOLDS.relevance);
    expect(confidenceOf(nothing, RELEVANCE_MODEL)).toBeLessThan(0.05);
  });

  it('uses the model it is given', () => {
    expect(confidenceOf(strong, { bias: 0, weights: FEATURE_NAMES.map(() => 0) })).toBe(0.5);
  });
});

describe('featureVector', () => {
  it('lists the features in model order', () => {
    expect(featureVector(strong)).toEqual([1, 0.9, 0.5, 0.5, 0.9, 0.6, 0]);
  });
});

describe('kindFor', () => {
  const plain = { otherCbp: false };
  it('answers when relevant and confident, asks "did you mean" when relevant only, else out of scope', () => {
    expect(kindFor({ confidence: THRESHOLDS.answer, relevance: THRESHOLDS.relevance }, plain)).toBe('answer');
    expect(kindFor({ confidence: THRESHOLDS.answer / 2, relevance: 0.99 }, plain)).toBe('did-you-mean');
    expect(kindFor({ confidence: 0.99, relevance: THRESHOLDS.relevance / 2 }, plain)).toBe('out-of-scope');
    expect(kindFor({ confidence: 0.01, relevance: 0.01 }, plain)).toBe('out-of-scope');
  });

  it('asks more confidence of a question told inside a story before answering it outright', () => {
    const between = (THRESHOLDS.answer + THRESHOLDS.answerInStory!) / 2;
    expect(THRESHOLDS.answerInStory).toBeGreaterThan(THRESHOLDS.answer);
    expect(kindFor({ confidence: between, relevance: 0.99 }, plain)).toBe('answer');
    expect(kindFor({ confidence: between, relevance: 0.99 }, { ...plain, storyTold: true })).toBe('did-you-mean');
    expect(kindFor({ confidence: THRESHOLDS.answerInStory!, relevance: 0.99 }, { ...plain, storyTold: true })).toBe('answer');
  });

  it('turns away what the scope gate\'s learned words call out of scope, and offers pages for what they call ours', () => {
    const relevant = { confidence: 0.99, relevance: 0.99 };
    const irrelevant = { confidence: 0.6, relevance: THRESHOLDS.relevance / 2 };
    const likely = { confidence: 0.99, relevance: (THRESHOLDS.relevance + SURE_RELEVANCE) / 2 };
    expect(kindFor({ ...likely, scopeLogOdds: THRESHOLDS.scopeReject! + 1 }, plain)).toBe('out-of-scope');
    expect(kindFor({ ...likely, scopeLogOdds: THRESHOLDS.scopeReject! - 1 }, plain)).toBe('answer');
    // A relevance the model is sure of is not overruled.
    expect(kindFor({ ...relevant, scopeLogOdds: THRESHOLDS.scopeReject! + 1 }, plain)).toBe('answer');
    expect(kindFor({ ...irrelevant, scopeLogOdds: -THRESHOLDS.scopeRescue! - 1 }, plain)).toBe('did-you-mean');
    // Words that only lean our way do not overrule the relevance model.
    expect(kindFor({ ...irrelevant, scopeLogOdds: -THRESHOLDS.scopeRescue! + 1 }, plain)).toBe('out-of-scope');
    // Nothing learned: as before.
    expect(kindFor(irrelevant, plain)).toBe('out-of-scope');
    // Another CBP matter still goes to the Info Center.
    expect(kindFor({ ...irrelevant, scopeLogOdds: -20 }, { otherCbp: true })).toBe('other-cbp');
  });

  it('turns away a message with too little in it that is typical of ours, unless the relevance is sure', () => {
    const likely = { confidence: 0.99, relevance: (THRESHOLDS.relevance + SURE_RELEVANCE) / 2 };
    expect(kindFor({ ...likely, oursEvidence: THRESHOLDS.oursEvidence! / 2 }, plain)).toBe('out-of-scope');
    expect(kindFor({ ...likely, oursEvidence: THRESHOLDS.oursEvidence! * 2 }, plain)).toBe('answer');
    expect(kindFor({ confidence: 0.99, relevance: SURE_RELEVANCE, oursEvidence: 0 }, plain)).toBe('answer');
    expect(kindFor({ ...likely, oursEvidence: 0 }, { otherCbp: true })).toBe('other-cbp');
  });

  it('sends other CBP matters to the Info Center unless an answer is confident and covers them', () => {
    expect(kindFor({ confidence: 0.99, relevance: 0.99 }, { otherCbp: true })).toBe('other-cbp');
    expect(kindFor({ confidence: 0.01, relevance: 0.01 }, { otherCbp: true })).toBe('other-cbp');
    expect(kindFor({ confidence: 0.99, relevance: 0.99 }, { otherCbp: true, bestCoversOtherCbp: true })).toBe('answer');
    expect(kindFor({ confidence: 0.3, relevance: 0.99 }, { otherCbp: true, bestCoversOtherCbp: true })).toBe('other-cbp');
  });

  // The project's thresholds leave the lead to the model (see THRESHOLDS); a knowledge base
  // may still ask for it.
  const withLead = { answer: 0.8, relevance: 0.5, lead: 0.1, sure: 0.95 };

  it('with a lead threshold, offers two documents that fit about equally instead of answering with either', () => {
    const likely = { confidence: 0.9, relevance: 0.99 };
    expect(kindFor({ ...likely, margin: 0.05 }, plain, withLead)).toBe('did-you-mean');
    expect(kindFor({ ...likely, margin: 0.1 }, plain, withLead)).toBe('answer');
    expect(kindFor({ ...likely, margin: 0 }, plain, { answer: 0.8, relevance: 0.5 })).toBe('answer');
  });

  it('with a lead threshold, still answers a near tie when the top document is very likely right', () => {
    expect(kindFor({ confidence: 0.95, relevance: 0.99, margin: 0 }, plain, withLead)).toBe('answer');
  });

  it('by default answers a confident near tie: the confidence model already weighs the lead', () => {
    expect(kindFor({ confidence: THRESHOLDS.answer, relevance: 0.99, margin: 0 }, plain)).toBe('answer');
  });

  it('uses the thresholds it is given', () => {
    expect(kindFor({ confidence: 0.5, relevance: 0.5 }, plain, { answer: 0.4, relevance: 0.1 })).toBe('answer');
  });
});
