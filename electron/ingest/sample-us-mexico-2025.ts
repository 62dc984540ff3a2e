// The US–Mexico 2025 sample dossier as data: what loadSample writes, in Pledgewatch's own words.
// Facts from shared/domain/us-mexico-2025.md. The source texts are summaries written for the sample,
// not the originals, and say so in their title and publisher; their excerpts are paraphrases, shown
// as such, except the three short quotes of the news report, stored verbatim and attributed to their
// speakers.
import type { CommitmentKind, PartyKind } from '../domain/model.ts';
import type { NewCommitment } from '../../db/commitment-add.ts';

export type SampleStatusName =
  | 'not yet assessed'
  | 'announced'
  | 'in progress'
  | 'stalled'
  | 'at risk'
  | 'fulfilled'
  | 'partially fulfilled'
  | 'broken'
  | 'withdrawn'
  | 'lapsed';

type SourceKey = 'report' | 'communique' | 'mcallen' | 'january';

type ExcerptKey =
  | 'rubioOnGroup'
  | 'sheinbaumOnProgramme'
  | 'rubioOnRelationship'
  | 'reportReprieve'
  | 'reportTariffsInForce'
  | 'reportUsmca'
  | 'communiqueDrugs'
  | 'communiqueArms'
  | 'communiquePeople'
  | 'communiqueGroup'
  | 'mcallenFirstMeeting'
  | 'mcallenFirewall'
  | 'mcallenMexicoTracing'
  | 'mcallenUsInspections'
  | 'januaryProgress'
  | 'januaryMinisterial';

type CommitmentKey =
  | 'implementationGroup'
  | 'fentanyl'
  | 'firearms'
  | 'migration'
  | 'borderProgramme'
  | 'tariffReprieve'
  | 'fentanylTariffs'
  | 'usmcaReview'
  | 'securityMinisterial';

export interface SampleParty {
  name: string;
  kind: PartyKind;
  /** The state a person acts for, by name; listed earlier in the same array. */
  actsFor: string | null;
  aliases: string[];
}

export interface SampleTopic {
  /** Names from the root down; a parent comes before its children. */
  path: [string] | [string, string];
  keywords: string[];
}

export interface SampleSource {
  key: SourceKey;
  title: string;
  publisher: string;
  url: string | null;
  publishedOn: string;
  language: string;
  fullText: string;
}

export interface SampleExcerpt {
  key: ExcerptKey;
  source: SourceKey;
  /** Must occur exactly once in the source's full text: the offsets are found at load time. */
  text: string;
  speaker: string;
  /** Our summary's words, not the original's: shown as a paraphrase, never as a quotation. */
  paraphrase: boolean;
}

export interface SampleUpdate {
  status: SampleStatusName;
  effectiveOn: string;
  recordedAt: string;
  note: string;
  evidence: ExcerptKey | null;
  /** A maker's own record; null for the commitment as a whole. */
  party: string | null;
}

export interface SampleCommitment {
  key: CommitmentKey;
  title: string;
  summary: string;
  kind: CommitmentKind;
  /** Listed earlier in the same array. */
  parent: CommitmentKey | null;
  madeBy: string[];
  owedTo: string[];
  /** Topic paths as "security › migration". */
  topics: string[];
  announcedOn: string;
  deadline: NewCommitment['deadline'];
  /** The first status, effective on announcedOn, with its note; its evidence is the first excerpt. */
  status: SampleStatusName;
  statusNote: string;
  /** Excerpts linked to the commitment as its evidence. */
  evidence: ExcerptKey[];
  /** Later history, in the order it happened. */
  updates: SampleUpdate[];
}

export interface SampleDossier {
  name: string;
  description: string;
  parties: SampleParty[];
  topics: SampleTopic[];
  sources: SampleSource[];
  excerpts: SampleExcerpt[];
  commitments: SampleCommitment[];
}

const US = 'United States';
const MX = 'Mexico';
const CA = 'Canada';

const quotes = {
  rubioOnGroup:
    'This is a high-level group that will meet and coordinate on a regular basis to make sure that all the things we are working on … are being implemented.',
  sheinbaumOnProgramme:
    'What our administration plans to agree to with the United States is a cooperation program about border security and the application of the law within the framework of our sovereignties.',
  rubioOnRelationship: 'the closest cooperation we’ve ever had, maybe between any country.',
};

const parties: SampleParty[] = [
  {
    name: US,
    kind: 'state',
    actsFor: null,
    aliases: [
      'US',
      'U.S.',
      'USA',
      'United States of America',
      'Washington',
      'US government',
      'Estados Unidos',
      'EE.UU.',
      'EEUU',
    ],
  },
  {
    name: MX,
    kind: 'state',
    actsFor: null,
    aliases: ['México', 'Mexican government', 'Gobierno de México', 'Estados Unidos Mexicanos'],
  },
  { name: CA, kind: 'state', actsFor: null, aliases: ['Canadá', 'Ottawa', 'Canadian government'] },
  {
    name: 'Marco Rubio',
    kind: 'person',
    actsFor: US,
    aliases: [
      'Rubio',
      'Secretary Rubio',
      'US Secretary of State',
      'Secretary of State Rubio',
      'secretario Rubio',
    ],
  },
  {
    name: 'Claudia Sheinbaum',
    kind: 'person',
    actsFor: MX,
    aliases: [
      'Sheinbaum',
      'President Sheinbaum',
      'Presidenta Sheinbaum',
      'Claudia Sheinbaum Pardo',
      'President of Mexico',
    ],
  },
  {
    name: 'Juan Ramón de la Fuente',
    kind: 'person',
    actsFor: MX,
    aliases: [
      'de la Fuente',
      'Juan Ramon de la Fuente',
      'Foreign Secretary de la Fuente',
      'canciller de la Fuente',
      'Mexican Foreign Secretary',
    ],
  },
  {
    name: 'Donald Trump',
    kind: 'person',
    actsFor: US,
    aliases: ['Trump', 'President Trump', 'Donald J. Trump', 'presidente Trump'],
  },
];

const topics: SampleTopic[] = [
  {
    path: ['security'],
    keywords: [
      'security',
      'seguridad',
      'organised crime',
      'organized crime',
      'crimen organizado',
      'cartel',
      'cártel',
    ],
  },
  {
    path: ['security', 'fentanyl and synthetic drugs'],
    keywords: [
      'fentanyl',
      'fentanilo',
      'opioids',
      'opioides',
      'synthetic drugs',
      'drogas sintéticas',
      'precursor chemicals',
      'precursores químicos',
      'drug trafficking',
      'narcotráfico',
      'cartel',
      'cártel',
    ],
  },
  {
    path: ['security', 'firearms trafficking'],
    keywords: [
      'firearms',
      'armas de fuego',
      'guns',
      'weapons',
      'arms trafficking',
      'tráfico de armas',
      'rastreo de armas',
      'armas',
      'eTrace',
      'ballistic imaging',
      'Mission Firewall',
    ],
  },
  {
    path: ['security', 'migration'],
    keywords: [
      'migration',
      'migración',
      'migrants',
      'migrantes',
      'border crossings',
      'cruces fronterizos',
      'asylum',
      'asilo',
      'deportations',
      'deportaciones',
    ],
  },
  {
    path: ['security', 'border security'],
    keywords: [
      'border security',
      'seguridad fronteriza',
      'border',
      'frontera',
      'law enforcement',
      'aplicación de la ley',
      'sovereignty',
      'soberanía',
    ],
  },
  { path: ['institutions'], keywords: ['institutions', 'instituciones'] },
  {
    path: ['institutions', 'implementation'],
    keywords: [
      'implementation',
      'implementación',
      'high-level group',
      'grupo de alto nivel',
      'Security Implementation Group',
      'ministerial',
      'follow-up',
      'seguimiento',
    ],
  },
  { path: ['trade'], keywords: ['trade', 'comercio'] },
  {
    path: ['trade', 'tariffs'],
    keywords: [
      'tariffs',
      'tariff',
      'aranceles',
      'arancel',
      'duties',
      'reprieve',
      'prórroga',
      'pausa arancelaria',
    ],
  },
  {
    path: ['trade', 'USMCA'],
    keywords: ['USMCA', 'T-MEC', 'CUSMA', 'NAFTA', 'TLCAN', 'joint review', 'revisión conjunta'],
  },
];

const sources: SampleSource[] = [
  {
    key: 'report',
    title: 'Rubio and Sheinbaum pledge closer security cooperation in Mexico City',
    publisher: 'Pledgewatch sample: a summary of a news agency report',
    url: null,
    publishedOn: '2025-09-03',
    language: 'en',
    fullText: [
      'Pledgewatch summary of a news agency report of 3 September 2025.',
      'Marco Rubio, the US Secretary of State, held talks with President Claudia Sheinbaum in Mexico City on Wednesday. ' +
        'A formal bilateral security agreement had been widely expected; what came out of the meeting was a renewed ' +
        'promise to deepen the cooperation already under way, with each country acting within its own sovereignty.',
      'The two governments said they would work to stop fentanyl and other synthetic drugs from reaching the United ' +
        'States, to cut the smuggling of US-bought guns into Mexico, mostly a task for Washington, and to keep migration ' +
        'under tighter control, with crossings already far below their earlier levels. They also agreed on a new ' +
        `high-level body to follow up on all of this. Rubio put it this way: “${quotes.rubioOnGroup}”`,
      `Sheinbaum set out Mexico’s terms: “${quotes.sheinbaumOnProgramme}” She welcomed the cooperation but warned ` +
        'Washington against overstepping on Mexican soil.',
      `Rubio, for his part, called the relationship “${quotes.rubioOnRelationship}”`,
      'Trade ran in the background. Mexico is partway through a 90-day reprieve, granted on 31 July, from the 30% ' +
        'tariffs the US had threatened, while the 25% tariffs that Washington imposed in March over fentanyl remain in ' +
        'force. The coming review of the USMCA, the trade agreement the two countries share with Canada, is expected to ' +
        'stay a sticking point.',
      'Mexico City was one stop on a Latin American tour that takes Rubio on to Ecuador on Thursday. The visit came a day ' +
        'after a US strike in the Caribbean on a Venezuelan boat that Washington said was carrying drugs, the first such ' +
        'action since President Donald Trump sent additional warships to the region; Venezuela’s defence minister said ' +
        'his country stood ready to meet any US military action. Across the region the US is pressing governments with ' +
        'tariffs, sanctions and more deportations.',
    ].join('\n\n'),
  },
  {
    key: 'communique',
    title: 'Summary for the sample of the US–Mexico joint communiqué on security cooperation',
    publisher: 'Pledgewatch sample: a summary of the communiqué of the two governments',
    url: null,
    publishedOn: '2025-09-03',
    language: 'en',
    fullText: [
      'Pledgewatch summary of the joint communiqué issued by the two governments on 3 September 2025.',
      'The United States and Mexico restate their commitment to cooperate on security, on the basis of reciprocity ' +
        'and of respect for the sovereignty of each.',
      'Together they will act against the trafficking of fentanyl and other synthetic drugs.',
      'They will work to stop the trafficking of arms between the two countries.',
      'They will cooperate against the illegal movement of people.',
      'They will set up a high-level group that meets regularly to implement and monitor their mutual commitments.',
      'They will also work together on public health and on preventing addiction.',
    ].join('\n\n'),
  },
  {
    key: 'mcallen',
    title: 'Summary for the sample of the media note on the first Security Implementation Group meeting',
    publisher: 'Pledgewatch sample: a summary of a US Department of State media note',
    url: null,
    publishedOn: '2025-09-27',
    language: 'en',
    fullText: [
      'Pledgewatch summary of a US State Department media note of 27 September 2025.',
      'The US–Mexico Security Implementation Group met for the first time on 26 September 2025, in McAllen, Texas. ' +
        'Six US agencies took part, each alongside its Mexican counterparts.',
      'The meeting launched Mission Firewall, an initiative against the trafficking of firearms. Under it, Mexico is to ' +
        'extend eTrace and ballistic imaging to all 32 of its states; the two countries are to share more information ' +
        'and open more joint investigations; and the United States is to inspect more of the traffic heading south ' +
        'across the border.',
    ].join('\n\n'),
  },
  {
    key: 'january',
    title: 'Summary for the sample of the joint statement on the Rubio–de la Fuente call',
    publisher: 'Pledgewatch sample: a summary of the joint statement of the two governments',
    url: null,
    publishedOn: '2026-01-15',
    language: 'en',
    fullText: [
      'Pledgewatch summary of the joint statement issued by the two governments on 15 January 2026.',
      'US Secretary of State Marco Rubio and Mexico’s Foreign Secretary Juan Ramón de la Fuente spoke by telephone. ' +
        'They found that their security cooperation has made progress, while significant challenges remain.',
      'The Security Implementation Group is to meet again on 23 January 2026.',
      'A Security Ministerial meeting is to be held in Washington in February 2026 to take stock of the progress made ' +
        'and of the gaps still to close.',
    ].join('\n\n'),
  },
];

const excerpts: SampleExcerpt[] = [
  {
    key: 'rubioOnGroup',
    source: 'report',
    text: quotes.rubioOnGroup,
    speaker: 'Marco Rubio',
    paraphrase: false,
  },
  {
    key: 'sheinbaumOnProgramme',
    source: 'report',
    text: quotes.sheinbaumOnProgramme,
    speaker: 'Claudia Sheinbaum',
    paraphrase: false,
  },
  {
    key: 'rubioOnRelationship',
    source: 'report',
    text: quotes.rubioOnRelationship,
    speaker: 'Marco Rubio',
    paraphrase: false,
  },
  // Excerpts of our own summaries carry no speaker and are paraphrases: they are not anyone's words.
  {
    key: 'reportReprieve',
    source: 'report',
    text: 'Mexico is partway through a 90-day reprieve, granted on 31 July, from the 30% tariffs the US had threatened',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'reportTariffsInForce',
    source: 'report',
    text: 'the 25% tariffs that Washington imposed in March over fentanyl remain in force',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'reportUsmca',
    source: 'report',
    text: 'The coming review of the USMCA, the trade agreement the two countries share with Canada, is expected to stay a sticking point.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'communiqueDrugs',
    source: 'communique',
    text: 'Together they will act against the trafficking of fentanyl and other synthetic drugs.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'communiqueArms',
    source: 'communique',
    text: 'They will work to stop the trafficking of arms between the two countries.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'communiquePeople',
    source: 'communique',
    text: 'They will cooperate against the illegal movement of people.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'communiqueGroup',
    source: 'communique',
    text: 'They will set up a high-level group that meets regularly to implement and monitor their mutual commitments.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'mcallenFirstMeeting',
    source: 'mcallen',
    text: 'The US–Mexico Security Implementation Group met for the first time on 26 September 2025, in McAllen, Texas.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'mcallenFirewall',
    source: 'mcallen',
    text: 'The meeting launched Mission Firewall, an initiative against the trafficking of firearms.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'mcallenMexicoTracing',
    source: 'mcallen',
    text: 'Mexico is to extend eTrace and ballistic imaging to all 32 of its states',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'mcallenUsInspections',
    source: 'mcallen',
    text: 'the United States is to inspect more of the traffic heading south across the border',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'januaryProgress',
    source: 'january',
    text: 'They found that their security cooperation has made progress, while significant challenges remain.',
    speaker: '',
    paraphrase: true,
  },
  {
    key: 'januaryMinisterial',
    source: 'january',
    text: 'A Security Ministerial meeting is to be held in Washington in February 2026 to take stock of the progress made and of the gaps still to close.',
    speaker: '',
    paraphrase: true,
  },
];

// The implementation group comes first: the pledges it oversees name it as their parent.
const commitments: SampleCommitment[] = [
  {
    key: 'implementationGroup',
    title: 'Create a high-level implementation group that meets regularly',
    summary:
      'The two governments agree to set up a high-level group that meets on a regular basis and checks that what ' +
      'they have promised each other becomes concrete action. It oversees the pledges on synthetic drugs, arms ' +
      'smuggling and migration, and later the Security Ministerial.',
    kind: 'agreement',
    parent: null,
    madeBy: [US, MX],
    owedTo: [US, MX],
    topics: ['institutions › implementation'],
    announcedOn: '2025-09-03',
    deadline: null,
    status: 'announced',
    statusNote:
      'Announced by Secretary Rubio and President Sheinbaum in Mexico City as the way to turn the pledges into action.',
    evidence: ['rubioOnGroup', 'communiqueGroup'],
    updates: [
      {
        status: 'in progress',
        effectiveOn: '2025-09-26',
        recordedAt: '2025-09-27T18:00:00.000Z',
        note: 'The group, now called the **Security Implementation Group**, held its first meeting in McAllen, Texas, with six US agencies and their Mexican counterparts.',
        evidence: 'mcallenFirstMeeting',
        party: null,
      },
      {
        status: 'in progress',
        effectiveOn: '2026-01-15',
        recordedAt: '2026-01-15T18:00:00.000Z',
        note: 'Both governments report progress but say that significant challenges remain. The group is due to meet again on 23 January 2026.',
        evidence: 'januaryProgress',
        party: null,
      },
    ],
  },
  {
    key: 'fentanyl',
    title: 'Halt the flow of fentanyl and other synthetic drugs into the United States',
    summary:
      'The United States and Mexico undertake to work together to stop fentanyl and other synthetic drugs from ' +
      'reaching the United States. One of the three security pledges followed by the implementation group.',
    kind: 'pledge',
    parent: 'implementationGroup',
    madeBy: [US, MX],
    owedTo: [US],
    topics: ['security › fentanyl and synthetic drugs'],
    announcedOn: '2025-09-03',
    deadline: null,
    status: 'announced',
    statusNote: 'Restated in Mexico City and in the joint communiqué of the same day.',
    evidence: ['communiqueDrugs'],
    updates: [],
  },
  {
    key: 'firearms',
    title: 'Curb the smuggling of US-bought firearms into Mexico',
    summary:
      'Both governments pledge to cut the smuggling into Mexico of firearms bought in the United States. Although ' +
      'the pledge is joint, it is chiefly a US undertaking, since the weapons are sold on the US side; Mexico ' +
      'contributes tracing and investigation.',
    kind: 'pledge',
    parent: 'implementationGroup',
    madeBy: [US, MX],
    owedTo: [MX],
    topics: ['security › firearms trafficking'],
    announcedOn: '2025-09-03',
    deadline: null,
    status: 'announced',
    statusNote:
      'Restated in Mexico City; most of the work falls to the United States, where the weapons are bought.',
    evidence: ['communiqueArms'],
    updates: [
      {
        status: 'in progress',
        effectiveOn: '2025-09-26',
        recordedAt: '2025-09-27T18:00:00.000Z',
        note: 'At its first meeting the Security Implementation Group launched **Mission Firewall**, a joint initiative against arms trafficking.',
        evidence: 'mcallenFirewall',
        party: null,
      },
      {
        status: 'in progress',
        effectiveOn: '2025-09-26',
        recordedAt: '2025-09-27T18:05:00.000Z',
        note: 'Under Mission Firewall the United States is to step up inspections of southbound traffic and take part in more joint investigations.',
        evidence: 'mcallenUsInspections',
        party: US,
      },
      {
        status: 'in progress',
        effectiveOn: '2025-09-26',
        recordedAt: '2025-09-27T18:10:00.000Z',
        note: 'Mexico is extending eTrace and ballistic imaging to all 32 of its states.',
        evidence: 'mcallenMexicoTracing',
        party: MX,
      },
    ],
  },
  {
    key: 'migration',
    title: 'Keep migration under tighter control',
    summary:
      'Both governments pledge to keep tighter control of migration. Crossings had already dropped steeply by ' +
      'September 2025, so the pledge is chiefly to hold that line.',
    kind: 'pledge',
    parent: 'implementationGroup',
    madeBy: [US, MX],
    owedTo: [US],
    topics: ['security › migration'],
    announcedOn: '2025-09-03',
    deadline: null,
    status: 'announced',
    statusNote: 'Restated in Mexico City; crossings had already fallen sharply before the visit.',
    evidence: ['communiquePeople'],
    updates: [],
  },
  {
    key: 'borderProgramme',
    title: 'Cooperate on border security and law enforcement within each country’s sovereignty',
    summary:
      'Mexico’s stated terms for the relationship: a programme of cooperation on border security and law ' +
      'enforcement, carried out within the sovereignty of each country, offered in place of the formal security ' +
      'agreement that had been expected. President Sheinbaum paired it with a warning against US overreach.',
    kind: 'pledge',
    parent: null,
    madeBy: [MX],
    owedTo: [US],
    topics: ['security › border security'],
    announcedOn: '2025-09-03',
    deadline: null,
    status: 'announced',
    statusNote: "President Sheinbaum set out Mexico's terms: cooperation, within each country's sovereignty.",
    evidence: ['sheinbaumOnProgramme'],
    updates: [],
  },
  {
    key: 'tariffReprieve',
    title: '90-day reprieve for Mexico from the threatened 30% tariffs',
    summary:
      'On 31 July 2025 the United States gave Mexico 90 more days before the 30% tariffs it had threatened would ' +
      'apply. The reprieve was running at the time of the September visit and runs out on 29 October 2025.',
    kind: 'reprieve',
    parent: null,
    madeBy: [US],
    owedTo: [MX],
    topics: ['trade › tariffs'],
    announcedOn: '2025-07-31',
    deadline: { amount: 90, unit: 'days', from: '2025-07-31' },
    status: 'in progress',
    statusNote: 'The reprieve is running: the threatened 30% tariffs are held off for 90 days.',
    evidence: ['reportReprieve'],
    // Deliberately nothing after it was granted: the app must show a passed deadline with no update.
    updates: [],
  },
  {
    key: 'fentanylTariffs',
    title: 'Keep the 25% fentanyl-related tariffs on Mexican goods in force',
    summary:
      'The 25% tariffs that the United States put on Mexican goods, citing the flow of fentanyl, took effect on ' +
      '4 March 2025 and were still being applied at the time of the September 2025 visit.',
    kind: 'measure',
    parent: null,
    madeBy: [US],
    // The party the measure is aimed at.
    owedTo: [MX],
    topics: ['trade › tariffs', 'security › fentanyl and synthetic drugs'],
    announcedOn: '2025-03-04',
    deadline: null,
    status: 'in progress',
    statusNote: 'The 25% tariffs on Mexican goods, tied to fentanyl, take effect.',
    evidence: [],
    updates: [
      {
        status: 'in progress',
        effectiveOn: '2025-09-03',
        recordedAt: '2025-09-03T18:00:00.000Z',
        note: 'The tariffs were still in force on the day of the Rubio–Sheinbaum meeting.',
        evidence: 'reportTariffsInForce',
        party: null,
      },
    ],
  },
  {
    key: 'usmcaReview',
    title: 'Review the USMCA trade agreement',
    summary:
      'The review of the USMCA, the trade agreement the United States and Mexico share with Canada, was under way ' +
      'and expected to remain a point of friction. The formal joint review of the three parties is due on 1 July 2026.',
    kind: 'review',
    parent: null,
    madeBy: [US, MX],
    // Canada is a party to the review but nothing in the sources records it undertaking anything, so it is
    // owed the review rather than scored as a maker; the two makers also owe it to each other.
    owedTo: [US, MX, CA],
    topics: ['trade › USMCA'],
    announcedOn: '2025-09-03',
    deadline: { on: '2026-07-01' },
    status: 'in progress',
    statusNote: 'Reported as under way and likely to remain a sticking point.',
    evidence: ['reportUsmca'],
    // Deliberately nothing after 2025-09-03: the sample knows no more.
    updates: [],
  },
  {
    key: 'securityMinisterial',
    title: 'Hold a Security Ministerial in Washington in February 2026 to assess progress and gaps',
    summary:
      'After a call between Secretary Rubio and Foreign Secretary de la Fuente, the two governments agreed to meet ' +
      'at ministerial level in Washington in February 2026 to take stock of their security cooperation and of the ' +
      'gaps that remain.',
    kind: 'agreement',
    parent: 'implementationGroup',
    madeBy: [US, MX],
    owedTo: [US, MX],
    topics: ['institutions › implementation'],
    announcedOn: '2026-01-15',
    deadline: { on: '2026-02-28' },
    status: 'announced',
    statusNote: 'Both governments agree to meet at ministerial level in Washington in February 2026.',
    evidence: ['januaryMinisterial'],
    updates: [],
  },
];

export const usMexico2025: SampleDossier = {
  name: 'US–Mexico security and trade cooperation, 2025',
  description:
    'What the United States and Mexico promised each other on security and trade around Secretary of State ' +
    'Marco Rubio’s visit to Mexico City on 3 September 2025: synthetic drugs, arms smuggling and migration under a ' +
    'new high-level implementation group, Mexico’s terms on sovereignty, and the tariff and USMCA questions that ran ' +
    'alongside. Later statements up to January 2026 give the security pledges a dated history, while the tariff ' +
    'reprieve and the USMCA review have no recorded update after their deadlines, which is what an analyst needs to ' +
    'notice.',
  parties,
  topics,
  sources,
  excerpts,
  commitments,
};
