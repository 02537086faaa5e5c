// Stop words: function words that say nothing about which event an article reports. The lists are hand-written for
// Broadsheet from the closed word classes of each language (articles, pronouns, prepositions, conjunctions,
// auxiliaries) plus the reporting verbs and time words that every news lead uses ("said", "on Tuesday"); they are
// stored already normalised (lower case, no accents, final sigma as σ), as `normaliseWord` leaves words. Names of
// days stay stop words because a weekday repeats every week and so cannot tell two events apart; numbers and month
// names do not, because dates and figures do.

const ENGLISH = `
a about above according across after again against ago all almost along already also although always am among an and
another any anyone are around as at away back be became because become been before being below between both but by
can cannot could did do does doing done down during each either else even ever every few first for former from further
had has have having he her here hers him his how however i if in including inside into is it its itself just last late
later latest least less like made make many may me might more most much must my near nearly never new news next no nor
not now of off on once one only onto or other others our out over own per perhaps put rather really report reported
reports reportedly s said same say saying says see seen several shall she should since so some still such than that
the their them then there these they this those though through thus to today told too toward towards under until up
upon us very via was we week were what when where whether which while who whom whose why will with within without
would year years yesterday yet you your
monday tuesday wednesday thursday friday saturday sunday morning afternoon evening night tonight weekend
`;

const GREEK = `
α αλλα αν ανα αντι απο αυτα αυτες αυτη αυτην αυτο αυτοι αυτον αυτος αυτου αυτους αυτων για γιατι δε δεν δια εαν εγω
εδω ειναι ειχε ειχαν εκει εκεινα εκεινη εκεινο εκεινος εμεις εναν ενω επι επισης εχει εχουν η ηδη ηταν θα ι ιδια ιδιο
ιδιος και κακα κατα κι μα με μετα μεχρι μη μην μια μιας μονο μου να ο οι ολα ολοι ομως οποια οποιο οποιος οπως οσα οσο
οτι οχι πανω παρα περα περι πια πλεον ποια ποιο ποιος πολυ ποτε που προ προς πριν πως σαν σας σε σου στα στη στην στις
στο στον στου στους στων συ συν τα τη την της τι τις το τον τοτε του τους των υπο χωρις ωστε ως
ενα ενος ενας αλλο αλλη αλλοι επειτα ακομη ακομα σημερα χθες αυριο ωρα ωρες χρονια ετος νεα νεο νεος
δηλωσε δηλωσαν ανεφερε αναφερει αναφερθηκε ειπε λεει τονισε σημειωσε σημειωνει υπογραμμισε προσθεσε σύμφωνα συμφωνα
δευτερα τριτη τεταρτη πεμπτη παρασκευη σαββατο κυριακη πρωι μεσημερι βραδυ αποψε
`;

// Written words go through the same folding as article text (no accents, σ for ς), so a list entry typed with its
// tonos still matches.
function wordSet(list: string): ReadonlySet<string> {
  return new Set(
    list
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/ς/g, 'σ')
      .split(/\s+/)
      .filter((word) => word !== ''),
  );
}

const BY_LANGUAGE: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['en', wordSet(ENGLISH)],
  ['el', wordSet(GREEK)],
]);

const NONE: ReadonlySet<string> = new Set();

/** The stop words for a BCP 47 tag's primary language (`en-GB` uses English's), or none for a language without a list. */
export function stopWordsFor(lang: string): ReadonlySet<string> {
  const primary = lang.toLowerCase().split('-')[0] ?? '';
  return BY_LANGUAGE.get(primary) ?? NONE;
}
