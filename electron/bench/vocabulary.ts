// The words of the generated libraries: what governments' statements, communiqués and news reports
// are written in, so that a search word is in as many documents as it would be in a real library.

/** One string of words, whitespace between them, as a list. */
function words(text: string): readonly string[] {
  return text.trim().split(/\s+/);
}

/**
 * Words of every policy text, roughly from the most used to the least: a word's rank here is its
 * rank in the Zipf-like distribution the generator draws from (see texts.ts).
 */
export const generalWords = words(`
  government security cooperation national agreement support development international public
  commitment countries policy minister president measures implementation economic plan programme
  joint review framework strengthen partners regional action ensure border trade federal ministry
  investment reform annual committee sector access resources capacity working group efforts agency
  states report funding officials members council leaders summit bilateral strategy priority
  progress assistance future continue increase reduce promote provide establish expand system
  services protection management years month period time agreed announced signed launched initiative
  partnership dialogue meeting talks visit delegation secretary department office authorities
  institutions organisation union parliament congress senate assembly law legislation regulation
  rules standards requirements obligations rights responsibility transparency accountability
  oversight compliance enforcement monitoring evaluation assessment data information research
  analysis evidence findings results outcomes targets goals objectives benchmarks indicators
  milestones timeline deadline schedule phase stage step process procedure mechanism instrument tool
  approach model option proposal recommendation decision resolution declaration statement communique
  memorandum understanding treaty convention protocol accord charter mandate authority jurisdiction
  competence scope coverage level scale extent share percent million billion dollars euros pesos
  budget spending allocation contribution grant loan credit finance fund financing costs revenue
  taxes tax fiscal economy growth jobs employment workers industry business companies firms
  enterprises markets market prices supply demand production exports imports goods products
  infrastructure networks facilities sites projects construction maintenance operations deployment
  personnel staff officers experts specialists teams units forces troops police military civilian
  community communities local municipal provincial rural urban citizens residents population
  families children women youth elderly vulnerable groups minorities indigenous peoples society
  civil organisations stakeholders private associations unions employers consultation participation
  engagement outreach awareness communication coordination alignment integration harmonisation
  consistency coherence effectiveness efficiency quality safety health education environment energy
  climate water food agriculture transport housing justice migration defence intelligence technology
  digital innovation science knowledge skills training exchange programmes scholarships fellowships
  institutes universities schools hospitals clinics centres headquarters secretariat commission
  board panel taskforce network platform forum conference workshop seminar roundtable consultations
  negotiations discussions deliberations proceedings session sessions agenda item items issues
  matters concerns challenges risks threats opportunities benefits impacts effects consequences
  pressures tensions disputes conflicts crises emergencies disasters incidents events developments
  trends patterns changes shifts transitions transformation modernisation upgrading improvement
  enhancement expansion extension renewal continuation resumption suspension termination withdrawal
  reduction elimination prevention mitigation adaptation response recovery reconstruction
  rehabilitation resilience preparedness readiness planning preparation design drafting adoption
  approval ratification entry force signature accession membership observers parties signatories
  governments administrations cabinets ministers ministries agencies bodies regulators courts judges
  prosecutors lawyers inspectors auditors diplomats ambassadors envoys representatives spokespersons
  advisers negotiators chief head director deputy vice chair chairman chairwoman coordinator
  commissioner governor mayor premier chancellor prime foreign interior home affairs relations
  domestic external internal global worldwide continental hemispheric transatlantic pacific atlantic
  northern southern eastern western central neighbouring shared common mutual reciprocal collective
  multilateral trilateral plurilateral unilateral comprehensive integrated coordinated targeted
  specific general broad wide narrow limited full partial complete final initial first second third
  next last previous current existing new additional further extra supplementary special dedicated
  independent permanent temporary interim transitional provisional emergency urgent immediate rapid
  timely early gradual progressive sustained sustainable long term short medium lasting durable
  stable secure safe reliable robust strong effective efficient fair equitable inclusive open
  transparent accountable responsible ambitious realistic practical concrete tangible measurable
  significant substantial major key main critical essential vital important necessary appropriate
  relevant adequate sufficient available possible potential likely expected planned proposed
  approved adopted implemented completed delivered achieved met missed delayed postponed cancelled
  pending ongoing underway active inactive stalled blocked halted paused resumed renewed extended
  expanded increased reduced lowered raised doubled halved tripled cut boosted improved strengthened
  reinforced consolidated streamlined simplified clarified updated revised amended reviewed assessed
  evaluated monitored verified audited inspected reported published released disclosed exchanged
  transferred provided allocated disbursed committed pledged promised vowed undertook resolved
  determined decided declared affirmed reaffirmed welcomed noted recognised acknowledged stressed
  emphasised underlined highlighted recalled urged called invited encouraged requested asked tasked
  instructed directed mandated authorised empowered enabled allowed permitted required obliged
  prohibited banned restricted controlled regulated managed administered operated organised convened
  hosted chaired attended joined participated contributed supported backed endorsed opposed rejected
  criticised condemned warned threatened imposed lifted suspended waived exempted granted awarded
  issued introduced drafted tabled passed enacted entered ratified concluded negotiated discussed
  considered examined explored identified developed designed created built established founded set
  started began opened closed ended finished finalised deployed installed equipped trained recruited
  hired appointed elected nominated confirmed replaced dismissed resigned retired succeeded led
  headed oversaw supervised guided advised consulted informed notified briefed deliver implement
  adopt approve ratify sign conclude negotiate discuss consider examine explore identify develop
  create build launch start begin close end finish finalise deploy install equip train recruit hire
  appoint elect nominate confirm replace lead oversee supervise guide advise consult inform notify
  brief update revise amend assess evaluate monitor verify audit inspect publish release disclose
  transfer allocate disburse commit pledge promise undertake resolve determine decide declare affirm
  reaffirm welcome note recognise acknowledge stress emphasise underline highlight recall urge
  invite encourage request task instruct direct authorise empower enable allow permit require
  prohibit ban restrict limit control regulate manage administer operate organise convene host
  attend join participate contribute endorse oppose reject condemn warn threaten impose lift suspend
  waive exempt award issue introduce draft table pass enact halt curb double accelerate advance
  pursue maintain preserve protect defend safeguard guarantee uphold respect observe honour fulfil
  achieve reach attain meet exceed surpass improve enhance reinforce consolidate streamline simplify
  clarify harmonise align integrate coordinate cooperate collaborate engage partner facilitate
  mobilise leverage replicate pilot test trial demonstrate showcase measure track document record
  register certify accredit license validate ceasefire sanctions embargo tariffs quotas subsidies
  incentives penalties fines levies duties charges fees payments transfers remittances flows volumes
  quantities amounts numbers figures statistics estimates projections forecasts scenarios
  assumptions baselines thresholds limits caps ceilings floors ranges levels rates ratios shares
  proportions percentages averages totals sums balances deficits surpluses reserves stocks
  inventories shipments deliveries consignments cargo containers vessels ships aircraft flights
  vehicles trucks trains routes corridors crossings ports airports terminals checkpoints stations
  bases camps shelters warehouses depots plants factories mills mines fields farms forests rivers
  lakes coasts islands mountains valleys deserts plains regions zones areas territories provinces
  districts counties municipalities cities towns villages neighbourhoods capitals north south east
  west january february march april may june july august september october november december monday
  tuesday wednesday thursday friday saturday sunday today yesterday tomorrow week weeks months
  quarter quarters decade decades century spring summer autumn winter morning evening afternoon
  anniversary occasion ceremony inauguration opening closing presentation announcement press
  briefing interview remarks speech address keynote testimony hearing inquiry investigation probe
  scrutiny criticism concern objection complaint appeal petition call opposition rejection
  acceptance refusal consent disagreement consensus compromise deal bargain settlement arrangement
  accommodation concession exception waiver exemption derogation assurance confirmation
  clarification interpretation explanation justification rationale reason purpose aim intent
  intention ambition vision mission values principles norms priorities spokesman spokeswoman
  journalist reporter editor correspondent analyst observer critic supporter opponent advocate
  campaigner activist voter candidate party coalition majority minority faction bloc caucus election
  campaign vote ballot referendum poll survey tenure reportedly allegedly officially formally
  publicly privately jointly separately together respectively accordingly consequently therefore
  however moreover furthermore nevertheless nonetheless meanwhile subsequently previously recently
  currently initially eventually ultimately finally already still yet again also only even just soon
  later annually monthly weekly daily quarterly regularly periodically approximately roughly nearly
  almost about around least most more less fewer many much several various numerous multiple single
  sole unique accelerating accords accredited acquisition acquisitions activities actors addition
  adjustment adjustments administrative advisory advocacy affordable aftermath aggregate
  agricultural alarming alliance alliances allies alternative alternatives amendment analysts
  ancillary annex annexes applicable applicants application appointment appropriations arbitrary
  architecture arrangements articles aspects aspirations assets assurances attention audience
  auspices authorisation autonomous autonomy availability backlash balanced bans basis beneficiaries
  bilaterally binding blueprint borrowing boundaries breach breakthrough brokered burden bureau
  bureaucracy calendar candidates capabilities capital categories caution certainty certificate
  certification chamber chapter circumstances clause clauses coalitions codes collaboration combined
  commercial commissions commitments comparable compensation competitiveness complementary
  components conditional conditions conduct confidence confidential congressional connectivity
  conservative considerable constituency constraints consultative consumer consumers contacts
  contents context contingency continuity contracts contractual contributions controversy
  conventions cooperative coordinators corporate corrective counterpart counterparts courses
  credibility criteria cross cumulative cycles deadlines debate debates decentralisation
  declarations decree decrees deepening defined delegations deliverables demands democracy
  democratic demonstrations departments deployments designated destabilising details determination
  devolution dimension diplomacy diplomatic directive directives disbursement disclosures discretion
  distribution documents donor donors drafts duration economies effectively elaboration eligibility
  eligible embassy embassies emerging emphasis empowerment enabling endorsement enforceable entities
  envelope equality equity escalating essentially establishment estimated ethics evolving exchanges
  executive expansive expenditure expenditures expertise expiry explicit exposure facilitation
  feasibility federation fellows flagship flexibility flexible focal formal formula foundations
  fragile fragmentation functions fundamental gaps gateway governance gradually guidance guidelines
  handover harmonised hubs implementing incentive inclusion increments independence indicative
  individuals industrial inequality informal inputs inspection inspections instruments
  intergovernmental intermediaries interoperability interventions inventory investigations
  investments investors judicial landmark leadership legal legislative legitimacy liabilities
  liaison licences lines literacy litigation livelihoods lobbying logistics mandates manufacturers
  maritime mediation metrics ministerial minutes misuse mobilisation modalities momentum negotiating
  neutral nominations notifications obstacles offices operational optional ordinance outlook
  ownership parameters parliamentary participants partnerships patrol payment peaceful pillar
  pillars pilots pipeline portfolio positions predictable premises presidency presidential pressure
  principal procedures proceeds productivity professional proportional prosperity provision
  provisions prudent publication qualified quantitative rapporteur rebalancing receipt reciprocity
  reconciliation recruitment redress referral reforms regime regimes registration regulatory
  reinforcement relationship reliance remedies remit renegotiation reorganisation repeal
  replenishment representation reputational requests reserve residual resolutions restoration
  restrictions retaliatory revenues rollout roadmap safeguards sanction schemes secretariats
  selection sensitive sequencing shortfall shortfalls signatory simplification slowdown solidarity
  sovereignty spillover sponsors stabilisation staffing stakeholder statutory stewardship stimulus
  strategic strategies subcommittee submission submissions subnational subsidiarity succession
  sunset supervision supervisory surveillance suspensions synergies tender tenders testimonies
  thematic timelines timetable trajectory tranche tranches transitioning treaties triggers
  uncertainty undertaking undertakings unprecedented uptake verification viability violations
  voluntary vulnerability warnings welfare whistleblowers workforce workstream workstreams abolition
  absorption achievement acknowledgement adaptability adherence adjudication admission advancement
  adversaries affiliates affordability allocations ambiguity amendments analytical anticipated
  appellate applicability appraisal apprehension arbitration archives arrears articulation
  aspiration attendance attribution audits augmentation austerity authenticity automatic backstop
  ballots bankruptcy bargaining benchmark beneficiary bidding blockade bondholders bottlenecks
  boycott branches broadcast broadcasters budgetary bulletin bureaucratic buyers cabinet calculation
  calibration campaigns candidacy capacities caretaker caseload casualties catalyst censorship
  census certificates chairmanship chambers checks circulation civic clarity classification
  clearance clients closure cohesion collateral collection commemoration commencement commentary
  commissioners committees communiques comparison competitors complaints completion complexity
  composition concentration conciliation condemnation confederation confiscation confrontation
  congestion conglomerates consolidation constituencies constitution consultants containment
  contestation contractors convergence conversion convictions correction corridor counterterrorism
  countermeasures creditors custodians customers cutbacks damages databases deadlock debtors
  decommissioning defaults deferral deficiencies delays deliberation delimitation demarcation
  demobilisation denial depletion deputies deregulation descendants designation detainees
  deterioration devaluation digitalisation diligence directorate disagreements disbursements
  discrepancies discrimination dismissal dispatch displacement dissemination dissolution
  diversification divestment doctrine dossiers downturn drawdown earmarked easing electorate
  embargoes emissaries encroachment endowment enquiries entitlements entrepreneurs envoy epidemic
  equivalence erosion escalation espionage evacuation exclusion exemptions exercises expectations
  expedited expenses exploitation expropriation extradition facilitators federalism filings
  forecasting forfeiture franchise fraud freezes frontiers fulfilment fundraising garrison
  generations geopolitical grievances guarantor guardians hardship hegemony hostilities
  identification ideology imbalances impartiality impasse impeachment imprisonment incumbents
  indemnity indexation indictment inefficiencies influx infringement injunction insolvency
  installation insurgency integrity interception intermediary intervention intimidation invoices
  irregularities issuance judgments jurisdictions jurisprudence kidnapping landowners lawmakers
  layoffs leases legislators lenders liberalisation licensing liquidation lobbyists loopholes
  lowering magistrates malpractice manifesto manipulation manufacturing marginalised mediators
  mergers militias misconduct mismanagement mobility moratorium motions negligence neighbours
  neutrality nominees normalisation notification occupation offenders ombudsmen onboarding optimism
  ordinances outbreaks outflows overhaul overruns overseas pardons parliaments participatory
  peacebuilding perpetrators petitions plaintiffs pledges plenary polarisation pollsters
  postponement precedent prerogatives presidencies privatisation probation proclamation procurement
  productive prohibition proliferation propaganda prosecutions prospects protests purchases
  quarantine ratings rearmament rebates recession reclassification redistribution redundancies
  referendums refinancing reformers registrations reimbursement reinstatement relocation renovation
  reparations replenishments repression reprisals rescheduling resettlement residency resignations
  restitution restructuring retirement revocation rulings sabotage scandal screening secession
  sectors seizure sentencing separatists shortages smuggling sovereign spokespeople stalemate
  standstill statutes stockpiling strikes subcontractors subpoenas subsidised successor suppliers
  suppression surcharges suspects takeover taxpayers territorial tribunal tribunals turnout
  undersecretary unemployment unrest upheaval uprising vacancies vetoes vigilance violators
  volunteers wages warrants watchdog wholesale withholding
`);

/**
 * Words of one subject: a text on it draws some of its words from here (its first words most),
 * the rest from generalWords, as a report on fisheries says "quota" far more than most texts do.
 */
export const themeWords: Record<string, readonly string[]> = {
  trade: words(`
    tariff exporters importers customs duty goods steel aluminium automotive dumping countervailing
    safeguards origin rules chapter dispute panel arbitration usmca nafta wto liberalisation
    barriers procurement services investment screening competition antitrust market access
    concessions schedules commitments quota preferential free zones supply chains nearshoring
    reshoring semiconductors critical minerals lithium copper rare earths batteries electric
    vehicles agriculture dairy poultry sugar corn wheat soybeans avocados tomatoes textiles apparel
    footwear machinery electronics pharmaceuticals chemicals plastics paper lumber cement glass
    rubber fertiliser ores fuels diesel gasoline retaliation reprieve escalation truce
  `),
  drugs: words(`
    fentanyl precursors opioids synthetic narcotics cartels trafficking traffickers seizures
    laboratories overdose overdoses addiction treatment prevention harm naloxone pills powder
    methamphetamine cocaine heroin cannabis chemicals pill presses tableting interdiction smuggling
    smugglers couriers mail parcels express consignees shipping labelling scheduling controlled
    substances licensing diversion pharmacies prescriptions dependence rehabilitation recovery detox
    clinics counselling outreach laundering proceeds illicit criminal organisations kingpins
    extradition indictments prosecutions arrests raids dismantled networks cells operatives
  `),
  firearms: words(`
    firearms weapons guns rifles pistols ammunition cartridges magazines calibres straw purchasers
    dealers licences permits serial numbers tracing ballistic registry registries smuggling
    southbound trafficking inspections crossings scanners disarmament destruction stockpiles
    arsenals amnesty buyback explosives grenades detonators drones components parts kits ghost
    untraceable homicides violence shootings armed assaults
  `),
  migration: words(`
    migrants migration asylum refugees seekers applications claims backlog hearings judges
    deportation deportations removals returns repatriation reintegration detention custody shelters
    reception processing parole visas permits residency citizenship naturalisation regularisation
    amnesty undocumented irregular flows crossings apprehensions encounters caravans smugglers
    coyotes trafficking victims unaccompanied minors families reunification sponsorship resettlement
    quotas labour pathways seasonal workers remittances diaspora consulates
  `),
  borders: words(`
    border frontier crossings ports entry checkpoints inspection lanes wait times patrols patrol
    agents guards surveillance cameras sensors towers fence wall barrier biometrics screening
    scanning cargo trucks rail bridges tunnels maritime coastal airspace radar interception
    interdiction preclearance preinspection trusted traveller programmes manifests advance
    information sharing watchlists
  `),
  climate: words(`
    emissions greenhouse carbon dioxide methane neutrality zero decarbonisation renewables solar
    wind hydro geothermal nuclear hydrogen storage grids transmission coal gas oil fossil fuels
    efficiency buildings retrofits heat pumps electrification vehicles charging adaptation
    mitigation finance loss damage resilience drought floods wildfires heatwaves hurricanes storms
    sea rise coastal forests deforestation reforestation biodiversity ecosystems conservation
    protected wetlands mangroves reefs paris nationally determined contributions cop plans pricing
    markets offsets credits trading taxonomy disclosure
  `),
  energy: words(`
    electricity power plants generation capacity megawatts gigawatts kilowatt hours utilities
    tariffs interconnectors pipelines refineries liquefied terminals lng exploration drilling
    concessions licences upstream downstream petroleum crude barrels output production reserves
    stockpiles strategic supply outages blackouts transformers substations lines meters smart
    storage batteries pumped
  `),
  health: words(`
    health hospitals clinics vaccines vaccination immunisation doses pandemic epidemic outbreak
    outbreaks surveillance laboratories diagnostics testing treatment medicines drugs
    pharmaceuticals manufacturing supply doctors nurses midwives workers primary care coverage
    insurance universal maternal child mortality malnutrition nutrition stunting malaria
    tuberculosis hiv measles polio cholera dengue preparedness response regulations who paho mental
    wellbeing disability
  `),
  fisheries: words(`
    fisheries fishing fishers vessels fleets catch catches quotas stocks species tuna salmon cod
    shrimp sardines squid bycatch overfishing illegal unreported unregulated licensing observers
    monitoring satellite tracking transshipment ports landings aquaculture marine protected areas
    oceans seas coastal mangroves reefs subsidies moratorium closures seasons nets trawling gear
  `),
  cyber: words(`
    cyber cybersecurity incidents attacks ransomware malware hacking intrusions vulnerabilities
    patches disclosure reporting notification resilience critical infrastructure operators networks
    systems software hardware cloud encryption authentication identity privacy personal data
    protection breaches forensics attribution deterrence norms espionage disinformation
    misinformation platforms online content moderation artificial intelligence algorithms automation
    telecoms spectrum broadband connectivity fibre satellites undersea cables
  `),
  finance: words(`
    debt relief restructuring creditors lenders bonds yields interest rates inflation currency
    exchange reserves liquidity banks banking lending credit guarantees development bank
    multilateral imf world concessional grants blended finance private capital mobilisation
    investors insurance pensions sovereign fiscal deficit budget spending austerity revenues
    taxation evasion avoidance havens transparency beneficial ownership illicit flows corruption
    bribery procurement audits
  `),
  food: words(`
    food security hunger famine nutrition crops harvest harvests yields farmers smallholders
    irrigation seeds fertilisers pesticides livestock cattle grain grains rice maize exports imports
    prices storage silos supply chains markets school meals rations aid deliveries corridors drought
    locusts soil land tenure rural credit cooperatives extension research value
  `),
  humanitarian: words(`
    humanitarian aid relief assistance displaced displacement camps shelters civilians casualties
    protection corridors access convoys deliveries supplies tents blankets water sanitation hygiene
    rations appeals donors pledging conference ceasefire truce hostages detainees prisoners release
    exchange mediation mediators peacekeeping peacekeepers mission observers monitors reconstruction
    demining landmines unexploded ordnance
  `),
  justice: words(`
    justice courts judiciary judges prosecutors prosecution trials verdicts sentences prisons
    detention pretrial impunity accountability corruption anticorruption rule law constitution
    constitutional amendments reforms legislation bills decrees ombudsman human rights defenders
    journalists freedom expression assembly press elections electoral observers fraud integrity
    transparency access information police policing misconduct investigations victims witnesses
    protection reparations
  `),
  education: words(`
    education schools teachers students pupils enrolment literacy numeracy curriculum textbooks
    classrooms scholarships universities colleges vocational training apprenticeships skills
    graduates research exchanges fellowships languages girls dropout attendance meals digital
    devices connectivity laboratories
  `),
  infrastructure: words(`
    infrastructure roads highways bridges railways rail ports airports terminals logistics corridors
    transport transit buses metro freight shipping canals dams reservoirs water supply sanitation
    sewage wastewater housing construction contracts tenders concessions partnerships maintenance
    upgrades broadband towers pipelines grids
  `),
  arctic: words(`
    arctic polar ice sea melting permafrost shipping routes northern passage icebreakers search
    rescue indigenous inuit sami communities research stations observations science council
    governance navigation pollution spills black
  `),
  water: words(`
    water basins aquifers groundwater rivers watersheds allocation treaty deliveries reservoirs dams
    irrigation canals desalination treatment drinking sanitation sewage wastewater reuse scarcity
    drought rationing leaks pipes utilities meters tariffs quality contamination pollution salinity
    flows transboundary commissions
  `),
  labour: words(`
    labour workers wages minimum salaries unions bargaining strikes inspections inspectors contracts
    informality formalisation pensions retirement benefits unemployment insurance safety
    occupational hours overtime leave childcare apprenticeships reskilling upskilling automation
    platform gig migrant seasonal recruitment forced child exploitation
  `),
  defence: words(`
    defence armed forces navy army air exercises drills joint interoperability procurement equipment
    munitions artillery missiles radars frigates submarines jets helicopters training advisers bases
    deployment rotation alliance deterrence posture spending readiness logistics intelligence
    reconnaissance peacekeeping veterans
  `),
  nuclear: words(`
    nuclear nonproliferation enrichment uranium plutonium reactors safeguards inspectors iaea
    centrifuges stockpiles warheads disarmament testing verification export controls dual use
    sensitive materials isotopes reactor decommissioning waste fuel
  `),
  housing: words(`
    housing homes dwellings rents renters tenants landlords mortgages affordability social public
    construction permits zoning land homelessness shelters evictions vacancies subsidies vouchers
    developers units retrofit insulation
  `),
  social: words(`
    pensions benefits allowances welfare poverty inequality transfers cash vouchers disability
    carers childcare maternity paternity families households income minimum guaranteed safety nets
    coverage eligibility enrolment registries targeting
  `),
  gender: words(`
    gender equality women girls violence femicide harassment pay gap representation quotas
    leadership parity empowerment entrepreneurship maternal reproductive rights shelters hotlines
    survivors discrimination inclusion
  `),
  mining: words(`
    mining mines minerals lithium copper cobalt nickel gold silver ore concessions royalties
    tailings exploration extraction processing refining smelters permits consultation environmental
    licences artisanal illegal traceability
  `),
  tourism: words(`
    tourism tourists visitors arrivals hotels resorts cruise airlines visas heritage culture museums
    festivals promotion hospitality beaches parks
  `),
  space: words(`
    space satellites launch launches orbit orbital debris observation navigation weather monitoring
    agencies missions lunar exploration spectrum ground stations remote sensing imagery
  `),
};

/** Words between the content words: they make sentences read like sentences, and every text has them. */
export const functionWords = words(`
  the of and to in for on with by a an its their at from as that this will under between all which
  be is are has have more than over into through
`);

/** The states and organisations that speak in the generated texts. */
export const speakers = words(`
  Mexico Canada Brazil Germany France Japan India Kenya Chile Colombia Peru Spain Italy Poland
  Nigeria Ghana Indonesia Australia Norway Sweden Korea Argentina Egypt Morocco Turkey
`);
