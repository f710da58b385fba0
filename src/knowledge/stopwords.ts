/**
 * Words that carry no topic. Without this list minisearch's OR matching would answer
 * "do you sell kayaks?" through "you". Chat fillers ("pls", "thx") and question scaffolding
 * ("tell me", "want to know") are here too, because they say nothing about which answer fits.
 * Domain words that are merely common ("duty", "customs") are NOT here: BM25's IDF already
 * discounts them, and they still help to tell in-scope questions from out-of-scope ones.
 */
const WORDS = `
a about above again against all also am an and any anybody anyone anything are aren arent as at
be because been being below between both but by
can cant could couldnt
did didnt do does doesnt doing done dont down during
each either else enough etc even ever every
few for from further
get gets getting go goes going gonna got gotta
had hadnt has hasnt have havent having he her here hers herself him himself his how hows
i id if ill im in into is isnt it its itself ive
just
know kind kinda
let lets like ll
me might mine more most much must my myself
need needs no nor not now
of off ok okay on once ones only or other our ours ourselves out over own
please pls plz
quite
rather re really
s say says she should shouldnt since so some somebody someone something still stil such sure
t tell than thank thanks thanx thx that thats the their theirs them themselves then there theres these they thru
thing things this those though through to too
u under until up upon ur us use used using
ve very
wanna want wants was wasnt way we well were werent what whats when whens where wheres whether which while who whom whos whose why whys
will with within without wont would wouldnt
ya yeah yes yet you youd youll your youre yours yourself yourselves
hi hello hey
wat wut nah nope yep yup lol lmao tbh idk rn imo btw fyi omg smh ugh hmm um uh oh wtf wth bruh ngl fr tho cuz coz yall ikr istg lowkey deadass fml guys folks dude bro sis hubby ppl theyre talkin sorta honestly seriously literally genuinely totally
actually anyway around basically exactly maybe probably guess wonder wondering whatever roughly ballpark talking
true point told thought think stuff lot lots bit
happen happens happened come comes came put make makes made give gives find look looking see ask asked live
best question questions help become becomes becoming inside outside right
sir sirs madam maam mam dear respected kindly understand directly
mom mum dad mother father sister brother aunt uncle grandma grandpa grandmother grandfather
friend friends family wife husband son daughter cousin kid kids guy gf bf bestie besties
sus tf bc fav fave yoink idea smth sth smthg somethin nvm
drama youtube reddit facebook twitter tiktok instagram video videos influencer influencers rumor rumors rumour rumours hoax myth clickbait fearmongering fearmonger misinformation hype heard saw
`;

/** The stop-word set (lower case, apostrophes removed, as {@link normalizeText} leaves them). */
export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter((w) => w.length > 0));

/**
 * Whether a token says nothing about the topic: a stop word, or a lone letter.
 *
 * @example
 * isStopWord('you');  // true
 * isStopWord('x');    // true
 * isStopWord('kayak'); // false
 */
export function isStopWord(token: string): boolean {
  return STOP_WORDS.has(token) || (token.length === 1 && token >= 'a' && token <= 'z');
}
