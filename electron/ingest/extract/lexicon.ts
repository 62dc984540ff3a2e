// The verbs and words that make a clause a commitment, and of which kind, as stems of lemmas in English
// and Spanish. The part-of-speech tagger says which word is the verb and its tense; these say what it does.

const stems = (list: string) => new RegExp(`^(?:${list})`, 'u');

/** Commissive heads: the party binds itself. */
export const commissive = stems(
  'commit|pledg|promis|undertak|undertook|vow|reaffirm|renew|intend|comprom|promet|reafirm|renov|asum|garantiz|guarantee|task|instruct|direct|mandat|instru|encarg',
);
/** Agreement heads: two or more parties decide together. */
export const agreeing = stems(
  'agre|decid|resolv|sign|accept|acord|decid|firm|pact|conven|acept|alcanz|concert|suscrib|subscrib|rubric|ratif',
);
/** Other heads that announce or set up something to be done. */
export const enacting = stems(
  'threat|warn|amenaz|advirt|advier|end|stop|halt|phase|curb|tighten|strengthen|improv|support|protect|promot|restor|repair|establish|set|creat|launch|announc|host|task|instruct|approv|adopt|plan|aim|seek|call|request|urg|mandat|design|allocat|earmark|provid|offer|fund|financ|contribut|donat|mobilis|mobiliz|invest|disburs|open|deploy|send|ship|deliver|impos|lift|suspend|paus|delay|postpon|extend|releas|remov|ban|install|station|patrol|train|build|complet|expand|increas|doubl|reduc|cut|share|exchang|conduct|hold|present|publish|review|assess|evaluat|study|establec|crear|crea|lanz|anunci|instru|encarg|aprob|adopt|plane|busc|destin|aport|financ|donar|don[aóé]|moviliz|invert|desembols|abr|despleg|desplieg|envi|entreg|impon|levant|suspend|paus|aplaz|pospon|posterg|prorrog|liber|elimin|prohib|instal|patrull|capacit|constru|complet|ampli|aument|duplic|reduc|compart|intercambi|realiz|celebr|present|public|revis|evalu|estudi|otorg|reforz|refuerz|vacun|drag|poner|mantener|acoger|negoci|conclu|armoniz|reconoc|dar|give|allow|permit',
);

export const threatWords =
  /\b(?:threaten\w*|warn\w*|amenaz\w*|advirti\w*|advierte\w*|or else|de lo contrario)\b/iu;
export const conditionWords =
  /(?:\bunless\b|\bif\b[^,]{0,80}\b(?:not|no|fails?)\b|\bif no\b|\bsi no\b|\bsi\s+\p{L}+(?:\s+\p{L}+){0,3}\s+no\b|\ba menos que\b|\bde no\b|\bor else\b)/iu;
export const reprieveVerb = stems('suspend|paus|delay|postpon|defer|aplaz|pospon|posterg|prorrog|suspens');
export const reprieveNoun =
  /\b(?:reprieve|pause|moratorium|suspension|grace period|pausa|prórroga|tregua|moratoria|suspensión)\b/iu;
export const reviewVerb = stems('review|assess|evaluat|examin|audit|revis|evalu|examin|estudi|take stock');
export const reviewObject =
  /\b(?:feasibility study|review|assessment|evaluation|estudio de (?:factibilidad|viabilidad)|evaluación)\b/iu;
export const measureNoun = /\b(?:patrol\w*|patrullaj\w*|poner en marcha|put in place)\b/iu;
export const measureVerb = stems(
  'impos|impon|deploy|despleg|desplieg|launch|lanz|send|sent|envi|ship|dispatch|deliver|open|abr|reopen|reabr|install|instal|station|patrol|patrull|reinforc|reforz|refuerz|releas|liber|remov|elimin|lift|levant|ban|prohib|vaccin|vacun|drag|dredg|otorg|grant|extend|poner en marcha|dredg|close|cerr',
);
export const createVerb = stems(
  'establish|creat|set up|form|harmonis|harmoniz|negotiat|conclud|draft|sign|establec|cre|armoniz|negoci|conclu|firm|constitu|instaur',
);
export const moneyWords =
  /(?:\d[\d.,]*\s*(?:million|billion|millones|mil millones)|\b(?:dollars|euros|pounds|dólares)\b|\$|€|£)/iu;

/** Verbs that tell what happened at a meeting, not what was promised there: "held talks", "exchanged views". */
export const narrative = stems(
  'hold|held|exchang|review|discuss|welcom|note|noted|recall|visit|celebr|sostuv|sosten|reun|examin|analiz|destac|agradec|expres|convers|dialog|thank|express|meet|met|receiv|recib|describ|tour|pay|paid|congratul|felicit|condol|lament|regret|reiter|subray|underlin|stress|acknowledg|reconoc|saw|see|observ|constat',
);

/** Subjects that stand for the signatories. */
export const collectiveSubject =
  /\b(?:the two|the three|both|the parties|the sides|the leaders|the ministers|ministers|the presidents|the heads of (?:state|government)|the delegations|the governments|our governments|our countries|the countries|this partnership|the partnership|this cooperation|they|the unions|ambos|ambas|los dos|las dos|los tres|las tres|las partes|los ministros|las ministras|los presidentes|los mandatarios|los cancilleres|los gobiernos|las delegaciones|los jefes|ellos|esta cooperación|esta alianza|nuestros gobiernos|nuestros países|los países)\b/iu;
export const firstPerson =
  /(?:^|[^\p{L}])(?:we|our|us|nosotros|nosotras|nuestro|nuestra|nuestros|nuestras|nos)(?![\p{L}])/iu;
export const officeSubject =
  /\b(?:government|department|ministry|minister|ministers|secretary|commission|secretariat|agency|spokesperson|president|prime minister|authorities|officials|the aid|gobierno|ministerio|ministr[oa]s?|secretar[ií]a|canciller[ií]a|cancilleres?|agencia|instituto|vocer[oa]|portavoz|presidente|presidenta|autoridades|la ayuda)\b/iu;
export const officeWord =
  /^(?:government|governments|authorities|minister|ministers|ministry|officials?|navy|agency|president|prime|foreign|trade|health|defence|defense|gobierno|gobiernos|autoridades|ministr[oa]s?|ministerio|canciller|cancillería|presidente|presidenta|agencia|instituto|armada|embajada)$/iu;

export const historyWords =
  /\b(?:last (?:year|month|week|decade)|ago|since|previously|in the past|over the (?:past|last)|was built|el año pasado|el mes pasado|hace \d|desde|durante la pandemia|en las últimas|en los últimos)\b/iu;
export const forecastWords =
  /\b(?:expect\w*|projected|forecast\w*|likely|could|may|might|analysts?|prevén|prevé|se espera|podría\w*|probablemente|analistas|según la agencia|continuarán)\b/iu;
export const reportingWords =
  /\b(?:said|told|announced|stated|according to|added|dijo|anunció|informó|informaron|según|afirmó|aseguró|declaró|indicó|señaló|explicó)\b/iu;
export const negation = /\b(?:not|no|never|won't|nunca|jamás|ni)\b/iu;

const modalWords =
  /^(?:will|shall|would|wo|ll|going|intends?|plans?|aims?|va|van|vamos|habrá|deberá|deberán)$/u;
const futureOrConditional = /(?:ar|er|ir)(?:á|án|é|emos|ía|ían|íamos)$/u;
const firstPluralVerb = /(?:amos|emos|imos)$/u;

/**
 * Whether a sentence has any word that could head a commitment (a modal, a future or conditional,
 * a first-person plural, or a verb of the lexicons). Sentences without one are not tagged at all:
 * the tagger is the slow part, and their confidence would be low anyway.
 */
export function mayCommit(sentence: string): boolean {
  for (const match of sentence.toLowerCase().matchAll(/\p{L}+/gu)) {
    const word = match[0];
    if (word.length < 3 && word !== 'll' && word !== 'wo') continue;
    if (modalWords.test(word) || futureOrConditional.test(word) || firstPluralVerb.test(word)) return true;
    if (commissive.test(word) || agreeing.test(word) || enacting.test(word) || threatWords.test(word))
      return true;
  }
  return false;
}
