# kvota's messages in English. Every key here is in kk.ftl and ru.ftl too (checked by
# `i18n::catalogues_are_complete`). Arguments are plain text, already formatted.

## Dates

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
yes = yes

## Names of codes

evidence-official = official
evidence-ingested = user-supplied
evidence-estimated = estimated
evidence-synthetic = synthetic
evidence-unknown = not described (no source map)
role-openings = openings
role-supply = domestic supply
role-score = shortage score
role-none = none
rating-shortage = shortage
rating-balanced = balanced
rating-surplus = surplus
rating-undetermined = undetermined
severity-low = low
severity-medium = medium
severity-high = high
status-verified = verified
status-reported = reported
status-derived = derived
status-assumption = assumption
status-unverified = unverified
category-1 = category 1 (heads and their deputies)
category-2 = category 2 (heads of structural subdivisions)
category-3 = category 3 (specialists)
category-4 = category 4 (skilled workers)
category-seasonal = seasonal workers in agriculture
category-short-1 = Category 1
category-short-2 = Category 2
category-short-3 = Category 3
category-short-4 = Category 4
category-short-seasonal = Seasonal
country = Republic of Kazakhstan
category-short-total = Total
flag-oversized-request = request larger than the employer's staff supports
flag-no-labour-market-test = no vacancy posted before the request
flag-posting-after-request = vacancy posted after the request
flag-citizens-available = citizens available in the cell
flag-wage-below-median = wage below the regional median
flag-category-occupation-mismatch = category does not fit the occupation
flag-local-content = local-content share not met
flag-shared-posting = one posting behind several employers
flag-linked-employers = linked employers
flag-low-prior-use = earlier quota largely unused
flag-seasonal-outside-agriculture = seasonal workers outside agriculture
flag-surplus-cell = request in a surplus cell
flag-unknown-project = project unknown
measure-ceiling-pct = ceiling (% of the labour force)
measure-distributed = distributed quota
measure-category = by worker category
measure-region = by region
measure-section = by section (stock of foreign workers)
measure-kandas-region = kandas by region
measure-kandas-region-shortage = kandas by region, split by shortage (beside the quota)
measure-kandas-total = kandas in all
item-all = all
item-other = other

## Why a row has its quota (the explanation columns)

why-closed = section closed to foreign workers by law; quota 0.
why-not-shortage = not in shortage, so requests are not justified; quota 0.
why-not-in-order = not in the order.
why-vetted = vetted requests justify { $n }
why-gap = shortage gap { $n }
why-requested = , requested { $n }
why-justified = ; justified demand { $n }
why-lc-allows = {" "}(local content allows { $n })
why-cell-quota = ; cell quota { $n }
why-lp = {" "}(LP: severity { $severity } per person; binding: { $binding }{ $shadow })
why-shadow = , shadow price { $v }
why-demand-met = {" "}(demand met in full)
why-capped-lc = {" "}(capped by local content)
why-share = {" "}({ $method } share of the { $distributable } distributable over { $demand } justified demand)
why-category = ; category { $category }: { $n }
why-of-requested = {" "}of { $n } requested
why-order-shares = {" "}by the shares of the order in force
why-tie = ; a tie was broken (larger weight, then order)
why-amended = {" "}Amended by { $id }: { $delta } ({ $direction }){ $reason }
why-from-reserve = from the reserve
why-back-to-reserve = back to the reserve
binding-demand = demand
binding-local-content = local content
binding-ceiling = ceiling
binding-none = none
binding-no-justified-demand = no justified demand
binding-amendment = amendment
binding-minimum-coverage = minimum coverage
kandas-why = { $region }: shortage gap { $gap } { PLURAL($gap, one: "person", other: "persons") } ({ $higher } higher, { $vocational } vocational, { $general } general jobs); the arrivals' education fits { $weight } working { PLURAL($weight, one: "person", other: "persons") }; { $families } { PLURAL($families, one: "family", other: "families") } ({ $persons } { PLURAL($persons, one: "person", other: "persons") }){ $how }{ $alt }
kandas-why-share = {" "}by its share of { $families } families
kandas-why-capped = , capped by { $binding } ({ $cap })
kandas-why-order = { $region }: { $prev } { PLURAL($prev, one: "person", other: "persons") } in the regional quota order for { $year }; { $families } { PLURAL($families, one: "family", other: "families") } ({ $persons } { PLURAL($persons, one: "person", other: "persons") }){ $how }{ $alt }
kandas-why-alt-order = ; by the shares of the order for { $year } it would have { $alt }
kandas-why-alt-shortage = ; by the shortage its arrivals' education fits ({ $weight } working persons, on { $basis } data) it would have { $alt }
kandas-why-alt-shortage-none = ; a split by shortage is undefined: no designated region has a shortage the arrivals could fill
binding-job-capacity = job capacity
binding-housing-capacity = housing capacity

## Why a cell has its rating (the shortage reason)

reason-too-small = { $employed } employed, below the { $needed } needed to judge a cell: undetermined
reason-missing = undetermined: no data for { $names }
reason-rated = { $signals }; { $openings } openings vs { $supply } domestic supply: { $verdict }{ $level }
reason-regional = {" "}[{ $regional } of the { $weighted } weighted indicators are of the whole region, not of the cell]
reason-overridden = {" "}Overridden to { $rating }: { $reason }.
verdict-shortage = shortage of { $gap } (score { $score } >= { $cutoff })
verdict-surplus = surplus of { $gap } (score { $score } <= { $cutoff })
verdict-balanced-tight = balanced: tight signals (score { $score }) but domestic supply covers the openings
verdict-balanced-slack = balanced: slack signals (score { $score }) but openings exceed domestic supply by { $gap }
verdict-balanced = balanced (score { $score } between { $lo } and { $hi })
ind-national = {" "}(national { $v })
ind-vacancy-rate = vacancy rate { $v }{ $national }
ind-tightness = vacancies per job-seeker { $v }{ $national }
ind-wage-relative = wage { $v } x the national median{ $national }
ind-real-wage-growth-1y = real wages { $v } over 1 year{ $national }
ind-real-wage-growth-3y = real wages { $v } a year over 3 years{ $national }
ind-employment-growth-3y = employment { $v } a year over 3 years{ $national }
ind-unemployment-rate = regional unemployment { $v }{ $national }
ind-vacancy-persistence = vacancy rate above the national in { $v } of the last 3 years{ $national }
ind-informal-share = informal employment { $v }{ $national }
ind-net-migration-rate = net internal migration { $v } per 1,000 a year{ $national }
ind-neet-share = young people not in employment or education { $v }{ $national }
ind-name-vacancy-rate = vacancy rate
ind-name-tightness = tightness
ind-name-wage-relative = relative wage
ind-name-real-wage-growth-1y = real wage growth over 1 year
ind-name-real-wage-growth-3y = real wage growth over 3 years
ind-name-employment-growth-3y = employment growth over 3 years
ind-name-unemployment-rate = unemployment rate
ind-name-vacancy-persistence = vacancy persistence
ind-name-informal-share = informal employment share
ind-name-net-migration-rate = net internal migration rate
ind-name-neet-share = share of young people not in employment or education

## Charts

chart-quota-by-region = Foreign-labour quota by region (permits)
chart-fans = Forecasts of employment with 80 % and 95 % intervals (persons)
chart-fan-panel = { $region }, { $section } { $section_name }: employed
chart-compare = Scenario { $b } minus { $a }, by region
chart-compare-quota = foreign-labour quota (permits)
chart-compare-gap = shortage gap (persons)
chart-map-credit = Map data © OpenStreetMap contributors, ODbL
chart-heatmap = Shortage score by region and OKED section (outlined: rated shortage)

## The report

report-title = kvota report: { $scenario } ({ $year })
report-intro = { $title }. Run <code>{ $run }</code>, data to { $year }, kvota { $version }.
report-charts = Charts
report-overrides = Overrides
report-no-overrides = No planner overrode the rule's ratings.
report-warnings = Data warnings
report-none = None.
basis-heading = Data basis
basis-requests = <b>The foreign-labour quota is built from { $lines } employers' request lines whose evidence is { $evidence }</b> (section "Employers' requests").
basis-requests-synthetic = <b>The foreign-labour quota is built from { $lines } employers' request lines whose evidence is { $evidence }</b>: the demonstration table, calibrated to the published orders, not real requests; its agreement with the orders' categories, the regional quotas and the sector mix proves nothing (section "Employers' requests").
basis-shares = Of the openings behind the distributed quota, <b>{ $open_syn }</b> rest on synthetic values and { $open_est } on estimated values; of the domestic supply set against them, { $supply_syn } rest on synthetic values. The shortage score puts { $score_syn } of its weight on synthetic and { $score_est } on estimated indicators. By the weakest basis of their cell, the distributed permits rest on: { $grades }.
basis-moved = Inputs that are not official statistics and moved a quota:
basis-kandas-order = <b>The kandas quota follows the shares of the regional quota order for { $year }</b> (official); the split by the modelled shortage, resting on { $grade } cell data, stands beside it and would move { $moved } { PLURAL($moved, one: "family", other: "families") } to other regions (section "Kandas quota", <code>quota_kandas.parquet</code>: families_shortage).
basis-kandas-order-alone = <b>The kandas quota follows the shares of the regional quota order for { $year }</b> (official); a split by the modelled shortage is undefined: no designated region has a shortage the arrivals could fill.
basis-kandas-shortage = <b>The kandas quota is split by the modelled shortage, resting on { $grade } cell data</b>{ $alt }.
basis-kandas-alt-order = ; by the shares of the order for { $year } (official), { $moved } { PLURAL($moved, one: "family", other: "families") } would be in other regions
basis-footer = Every output row carries its evidence grade and these shares (<code>shortage.parquet</code>, <code>quota_foreign.parquet</code>); <code>data/build/sources.toml</code> says how to put real tables in their place.
skill-intro = How the forecasts fared on this panel's own past: { $model } and the random walk forecast every series from each of the latest { $origins } origins (horizon in years: { $h }), for { $from }-{ $to }. Mean MASE: the error in units of the series' own mean one-year change (lower is better; the model helps where its MASE is below the random walk's). On estimated and synthetic columns this measures the method against the way the values were made, not against reality.
skill-intervals = Interval coverage: the share of the later actual values that fell inside the run's 80 % and 95 % intervals, calibrated at each origin as this run calibrates them. Near 80 % and 95 %, the uncertainty ranges of this report (<code>uncertainty.parquet</code>, the fan charts) can be read at face value; well below, they are too narrow; well above, too wide.
skill-uncalibrated = At { $n } of the { $origins } origins too few series were long enough to calibrate across; there the model's own intervals were scored.
th-cov80 = inside the 80 % interval
th-cov95 = inside the 95 % interval
th-forecasts = forecasts
th-mase-model = MASE of the model
th-mase-naive = MASE of the random walk
th-input = input
th-basis = basis
th-role = role
th-share-behind = share behind the quota
th-how-made = how it is made
requests-heading = Employers' requests
requests-synthetic = <b>These requests are the synthetic demonstration table</b> (<code>data/build/demo_requests.toml</code>): their totals are calibrated to the order's category and seasonal figures, the stock of foreign workers by section and the published regional quotas, so the run's agreement with those figures comes from this calibration and proves nothing. The flagged employers below include planted cases.
requests-user = The requests are the table the user gave ({ $evidence }).
requests-body = { $lines } request lines from { $employers } employers asked for { $workers } workers in categories 1-4 and seasonal; { $justified } were justified after the vetting rules and { $quota } are in the quota. Lines approved { $approved }, reduced { $reduced }, rejected { $rejected }; { $ict } ICT workers are admitted outside the quota. Every line's decision, rules and flags are in <code>requests_vetted.parquet</code>.
flags-heading = Flagged employers
flags-body = { $all } employer flags in all ({ $serious } of medium or high severity, listed here, the most severe first; all are in <code>employer_flags.parquet</code>). Ids are pseudonymous.
flags-more = ... and { $more } more in <code>employer_flags.parquet</code>.
th-employer = employer
th-flag = flag
th-severity = severity
th-evidence = evidence
projects-heading = Quota by project
th-project = project
th-request-lines = request lines
th-workers-asked = workers asked
th-quota = quota
reality-heading = Held against the published decisions
reality-nothing = Nothing was published for { $year } that kvota holds (<code>data/reference/</code>, the orders in <code>data/params/</code>).
reality-body = The distance of a distribution is the Duncan index: half the sum of the absolute differences of the shares (0 the same mix, 1 no overlap). A figure kvota took from the same publication is marked <b>calibrated</b>: agreement on it proves nothing. Nothing in the model is tuned to these distances.
th-measure = measure
th-item = item
th-kvota = kvota's figure
th-published = published
th-kvota-share = kvota's share
th-published-share = published share
th-distance = distance
th-calibrated = calibrated
th-note = note
summary-heading = Summary
summary-ceiling = The foreign-labour ceiling for { $year } is <b>{ $ceiling }</b> permits: { $pct } % of the { $lf_year } labour force of { $lf }. A reserve of { $reserve } is held back; <b>{ $distributed }</b> permits are distributed over the shortage cells, against a justified demand of { $justified } ({ $method }).
summary-categories = By worker category: { $list }.
summary-kandas = Kandas resettlement: <b>{ $families }</b> families ({ $persons } persons) in { $regions } designated regions, costing { $cost } of the { $budget } tenge budget (a planning choice of the scenario, not a published figure).
summary-uncertainty = Uncertainty ({ $draws } draws of the forecasts within their intervals, seed { $seed }): justified demand { $d10 } to { $d90 } (P10-P90, median { $d50 }); distributed { $q10 } to { $q90 }. The cells' spreads are in <code>uncertainty.parquet</code>.
summary-uncertainty-independent = The draws are independent across series, so the range of the totals is narrower than a shock common to many series would make it.
summary-uncertainty-apart = The run's own justified demand, { $point }, lies outside this range because the draws do not rate every cell as the run does. The largest difference is { $cell }: the run rates it { $rating } (quota { $quota }); the draws rate it surplus in { $surplus } and shortage in { $shortage } of them, with a median quota of { $p50 } (P10-P90 { $p10 } to { $p90 }). A rating that the forecasts' spread overturns this often is a planner's call, not a figure to read as precise.
summary-uncertainty-common = The draws of each variable's series share a shock, correlated as the run's back-test measured the errors of one year ({ $lo } to { $hi } by variable; five test years measure that roughly).
summary-uncertainty-coverage = The draws rest on the forecasts' 80 % intervals, which in the run's back-test held { $lo } to { $hi } of the later values, by variable (table above); where that is well below 80 %, these ranges are too narrow.
summary-uncertainty-coverage-observed = On the observed series (official or user-supplied) they held { $lo } to { $hi }.
summary-uncertainty-correlation = In the run's back-test the errors of one year were correlated across a variable's series at { $lo } to { $hi }; for { $variable } ({ $basis }; { $n } series, correlation { $rho }) the spread of their sum would be about { $factor } times the spread the independent draws give it.
summary-cells = Region x section cells: { $list }.
shortages-heading = Largest shortages
th-region = region
th-section = section
th-gap = gap (persons)
th-why = why
quotas-heading = Quotas by region
th-code = code
th-foreign-quota = foreign-labour quota
th-kandas-families = kandas families
th-kandas-persons = kandas persons
kandas-why-heading = Kandas quota: why each region has its families
params-heading = Methods and parameters
params-body = Methods: <code>docs/methods.md</code> of kvota { $version }. Parameters in force on the dates used, with their legal references:
th-parameter = parameter
th-value = value
th-unit = unit
th-in-force = in force from
th-status = status
th-reference = reference

## The draft order and its annex

order-draft-mark = DRAFT computed by kvota (run { $run }, scenario { $scenario }). Not an adopted act: a ministry lawyer checks and edits it.
order-authority = Order of the Minister of Labour and Social Protection of the Population of the Republic of Kazakhstan
order-title = On establishing the quota for attracting foreign labour to the Republic of Kazakhstan for { $year }
order-place-date = Astana, { $date }
order-preamble = In accordance with { $basis }, I ORDER:
order-point-ceiling = 1. To establish the quota for attracting foreign labour to the Republic of Kazakhstan for { $year } at { $pct } % of the labour force ({ $lf } persons in { $lf_year }), that is { $ceiling } persons.
order-point-distribution = 2. To distribute { $distributed } persons of the quota among the regions, the cities of republican significance and the capital by worker category in accordance with Annex 1 to this order; { $reserve } persons are held in reserve.
order-point-ict = Intra-corporate transferees are admitted outside the quota.
order-point-kandas = 3. For the regions designated for the resettlement of kandas, the regional quota for { $year } is { $families } families ({ $persons } persons), in accordance with Annex 2 to this order.
order-point-basis = The figures rest on: { $basis }. Edition: { $edition } of { $edition_date }.
order-point-force = 4. This order enters into force on { $date }.
order-basis-requests = employers' request lines vetted one by one ({ $evidence })
order-basis-gap = modelled shortage gaps, not employers' requests ({ $evidence })
order-basis-both = for the foreign-labour quota, { $foreign }; for the kandas quota, { $kandas }
order-basis-kandas-order = the shares of the regional quota order for { $year } ({ $evidence })
order-basis-kandas-shortage = the modelled labour shortage the arrivals can fill ({ $evidence })
order-signature = Minister of Labour and Social Protection of the Population of the Republic of Kazakhstan
order-annex1-title = Annex 1 to the order. Quota for attracting foreign labour for { $year } by region and worker category (persons)
order-annex2-title = Annex 2 to the order. Regional quota for the resettlement of kandas for { $year }
order-th-no = No.
order-th-region = Region, city of republican significance, capital
order-th-total = Total
order-th-families = Families
order-th-persons = Persons
order-total-row = Total for the Republic of Kazakhstan
order-html-note = Printable version of the draft order (A4). The same text is in the .docx beside it.

## The command line (figures without separators, so that they can be copied)

cli-run-scenario = scenario { $scenario } ({ $run }), target year { $year }
cli-run-basis = data basis: openings behind the quota { $open_syn } synthetic, { $open_est } estimated; domestic supply { $supply_syn } synthetic; score weight { $score_syn } synthetic, { $score_est } estimated (report.html, data basis)
cli-run-requests = employers' requests ({ $evidence }): { $lines } lines from { $employers } employers, { $workers } workers asked, { $justified } justified; lines approved { $approved }, reduced { $reduced }, rejected { $rejected }, ICT outside the quota { $ict }; employer flags { $flags } (requests_vetted.parquet, employer_flags.parquet)
cli-run-ceiling = foreign-labour quota: ceiling { $ceiling } ({ $pct } % of { $lf } labour force in { $lf_year }), reserve { $reserve }, distributed { $distributed } of { $justified } justified demand
cli-run-categories = {"  "}by category: { $list }; method { $method }
cli-category-seasonal = seasonal
cli-run-amendments = {"  "}{ $n } amendment(s); edition { $id }: ceiling { $ceiling }, distributed { $distributed }, reserve left { $reserve }
cli-run-issued = {"  "}permits issued { $issued }: utilisation { $pct }
cli-run-kandas = kandas quota: { $families } families, { $persons } persons over { $regions } regions (cost { $cost } of the scenario's budget of { $budget } tenge, a planning choice{ $capped }){ $split }
cli-run-kandas-capped = ; the budget funds { $funded } but the regions can take { $families }
cli-run-kandas-by-order = ; split by the shares of the order for { $year } (official)
cli-run-kandas-by-shortage = ; split by the modelled shortage (cell data: { $grade })
cli-run-cells = cells: { $list }
cli-run-reality = against the published { $year }: Duncan distance { $list } (reality.parquet)
cli-measure-category = category
cli-measure-region = region
cli-measure-section = section
cli-measure-kandas-region = kandas_region
cli-measure-kandas-region-shortage = kandas_region_shortage
cli-calibrated = (calibrated)
cli-by-previous-order = (the order for { $year } carried forward)
cli-warning = warning: { $text }
cli-run-wrote = wrote { $n } files to { $dir }

## Summaries of kvota scenario run / compare, select and contract (figures without separators)

cli-batch-line = { $id } foreign quota { $distributed } of ceiling { $ceiling }; kandas { $families } families; shortage cells { $shortage }
cli-batch-wrote = wrote { $n } scenarios to { $dir }
cli-compare-head = { $a } vs { $b }: { $changed } of { $cells } cells differ
cli-compare-totals = totals: gap { $gap_a } -> { $gap_b }, foreign quota { $quota_a } -> { $quota_b }, kandas families { $families_a } -> { $families_b }
cli-compare-wrote = wrote { $stem }.parquet, .csv and .svg (deltas by region)
cli-col-region = region
cli-col-section = sec
cli-col-rating-a = rating A
cli-col-rating-b = rating B
cli-col-gap-a = gap A
cli-col-gap-b = gap B
cli-col-quota-a = quota A
cli-col-quota-b = quota B
cli-select-summary = { $n } applicants: { $counts }; { $cells } quota cells
cli-col-route = route
cli-col-stage = stage
cli-col-entered = entered
cli-col-passed = passed
cli-col-rejected = rejected
cli-col-invalid = invalid
cli-outcome-invalid = invalid
cli-outcome-rejected = rejected
cli-outcome-eligible = eligible
cli-outcome-selected = selected
cli-outcome-waitlisted = waitlisted
cli-contract-summary = { $n } families on { $date }: { $statuses }
cli-contract-amounts = owed { $owed } tenge; expected repayments of contracts in force { $expected } tenge; retention over the term { $retention } %
cli-status-not-started = not_started
cli-status-in-force = in_force
cli-status-fulfilled = fulfilled
cli-status-breached = breached
cli-backtest-head = { $series } series, { $used } used, horizon { $horizon }, up to { $origins } origins each
cli-col-model = model
cli-col-forecasts = forecasts
cli-col-calibrated = calibrated
cli-backtest-calibrated = { $n } of { $origins }
cli-backtest-calibrated-note = calibrated: origins whose intervals were calibrated across the series as `kvota forecast` would have; elsewhere, and with --no-calibrate, the models' own
cli-skipped = skipped { $id }: { $reason }

cli-forecast-head = forecast { $done } of { $series } series with { $model } ({ $fallbacks } fell back to a simpler model), horizon { $horizon }
cli-forecast-calibrated = intervals calibrated on { $holdouts } hold-out windows of { $series } series (rolling origins)
cli-forecast-too-few = intervals: model-based (fewer than { $min } series are long enough for a hold-out)
cli-forecast-no-calibrate = intervals: model-based (--no-calibrate)
cli-forecast-skipped = skipped { $n } series (reasons in { $path })
cli-wrote = wrote { $path }
skip-duplicate-period = duplicate period { $period }
skip-gap = gap: no value between { $after } and { $before }
skip-no-values = no numeric values
skip-missing-value = missing value at { $period }
skip-too-short-backtest = { $values } observations: too short to back-test { $horizon } steps
skip-model-too-short = series too short: { $model } needs at least { $need } observations, got { $got }
skip-model-non-finite = series has a missing or non-finite value at position { $position }
skip-model-failed = { $detail }

## kvota ingest, validate, apportion and dataset build (the lines under the labels are the library's, in English)

cli-ingest-rows-read = rows read
cli-ingest-rows-normalised = rows normalised
cli-ingest-flagged = cells flagged
cli-ingest-split = region split
cli-ingest-gap = gap
cli-ingest-skipped = skipped
cli-ingest-footnote = footnote
cli-ingest-problem = problem
cli-ingest-wrote = wrote { $n } rows to { $path }
cli-validate-file = { $path }: { $rows } rows
cli-validate-ok = ok
cli-validate-valid = valid: { $n } files
cli-validate-problems = { $problems } problems in { $files } files
cli-apportion-wrote = apportioned { $seats } seats over { $units } units; wrote { $path }
cli-apportion-tie = tie broken at house size { $house }: { $seats } seat(s) among { $units }
cli-dataset-note = note: { $text }

## Why an applicant is invalid, rejected or waitlisted (decisions.reason)

sr-invalid = { $text }
sr-missing-answer = row { $row }: missing answer `{ $field }` needed by stage `{ $stage }`
sr-below-minimum = { $stage }: `{ $field }` { $value } is below the minimum { $min }
sr-not-below-limit = { $stage }: `{ $field }` { $value } is not below the limit { $limit }
sr-not-passed = { $stage }: not passed
sr-below-pass-mark = { $stage }: { $points } points, below the pass mark { $pass }
sr-no-region = route `{ $route }` has regional quotas and the application names no region
sr-no-section = route `{ $route }` has quotas by section and the application names none
sr-no-quota = no quota for the cell
sr-rank = rank { $rank } of { $of } for { $slots } slots


## Progress on a terminal (the stages of long work)

progress-loading = loading parameters and panel
progress-rating = rating shortages
progress-allocating = allocating quotas
progress-simulating = simulating uncertainty
progress-writing-outputs = writing outputs
progress-writing-report = writing the report
progress-forecasting = forecasting


## The checks kvota validate lists per panel file

check-region-years = 20 regions x { $years } years ({ $first }-{ $last }), no duplicate keys
check-labour-identities = employed <= labour force <= population; unemployed = labour force - employed
check-cell-keys = 20 regions x { $n } sections ({ $sections }) x { $years } years, no duplicate keys
check-cell-sum = section employment adds up to regional employment (largest gap { $gap } %)
check-national-sum = one row per panel year; national employment = sum of regions
check-age-shares = one row per region; shares add up to 1
check-source-map = source map: { $columns } columns described (official { $official }, estimated { $estimated }, synthetic { $synthetic }, ingested { $ingested })
check-volume-indices = every panel section and year once; volume indices in range
check-skill-shares = one row per panel section; shares add up to 1
check-indicators = official regional indicators; { $covered } of { $years } panel years cover every region

## Warnings (the manifest keeps the English text)

warn-unverified-parameter = parameter { $name } uses a value not checked against a source ({ $reference })
warn-no-reference = no reference folder { $path }: the run is not compared with the published decisions
warn-issued-above-quota = { $file }: { $issued } permits issued in ({ $region }, { $section }, { $category }) above its quota of { $quota }
warn-cell-sum-gap = { $cell_file }: employment of the sections differs from { $region_file } by up to { $pct } % ({ $worst })
warn-national-differs = { $file }: national employed { $national } in { $year } differs from the sum of regions { $sum }
warn-data-cut = data cut at { $year }: later years of the panel are not used
warn-forecast-no-better-than-naive = { $file } { $variable }: in the run's back-test the model's MASE { $mase } is not below the random walk's { $naive }; its forecasts of this observed variable did no better than carrying the last value forward
warn-intervals-too-narrow = { $file } { $variable }: in the run's back-test the calibrated 80 % and 95 % intervals held only { $cov80 } % and { $cov95 } % of the later values; the uncertainty ranges of this observed variable are too narrow
warn-intervals-too-wide = { $file } { $variable }: in the run's back-test the calibrated 80 % and 95 % intervals held { $cov80 } % and { $cov95 } % of the later values; the uncertainty ranges of this observed variable are too wide

## Units of the dated parameters (the report's parameter table)

unit-percent-of-labour-force = % of the labour force
unit-share = share (0-1)
unit-kzt = tenge
unit-kzt-per-mci = tenge per MCI
unit-mci = MCI
unit-mci-per-person = MCI per person
unit-mci-per-month = MCI per month
unit-months = months
unit-years = years
unit-days = days
unit-points = points
unit-persons = persons
unit-region-list = list of regions
unit-section-list = list of OKED sections
unit-persons-by-category = persons by worker category
unit-persons-by-region = persons by region
unit-share-by-category = share by worker category
unit-share-by-level = share by education level
unit-range = range (min, max)
unit-ratio = ratio
unit-yes-no = yes (1) or no (0)
unit-occupation-list = list of ISCO-08 occupations
unit-category-by-occupation = worker category by occupation
unit-severity-by-flag = severity by integrity flag
unit-text-by-language = text in kk, ru, en

## The numbers behind the integrity flags of employers' request lines (employer_flags.evidence)

fe-seasonal-outside = seasonal workers asked in section { $section }
fe-surplus-cell = { $region } x { $section } is rated surplus
fe-citizens-available = { $applicants } suitable citizens applied for { $posts } posts
fe-wage-below-median = offers { $offered } tenge against { $median } (ISCO { $major } in { $region }, { $year } wages scaled) and a minimum wage of { $minimum }
fe-local-content = { $citizens } { PLURAL($citizens, one: "citizen", other: "citizens") } on staff in category { $category } allow { $allowed } foreign workers
fe-oversized-request = { $workers } { PLURAL($workers, one: "worker", other: "workers") } asked by an employer with { $staff } staff
fe-low-prior-use = used { $used } of last year's quota of { $quota }
fe-unknown-project = cites project { $project }, which is not in the projects table
fe-ended-project = cites project { $project }, which ended on { $end }
fe-no-posting = no vacancy posted on the electronic labour exchange
fe-late-posting = posting { $posting } of { $posted }, { $days } { PLURAL($days, one: "day", other: "days") } before the request of { $submitted } (at least { $needed } needed)
fe-elementary-occupation = occupation { $occupation } is elementary work, declared category { $declared }
fe-other-category = occupation { $occupation } is category { $derived }, declared { $declared }
fe-not-seasonal-work = seasonal request for occupation { $occupation }, not seasonal farm work
fe-shared-posting = posting { $posting } is cited by employers { $employers }
fe-linked-employers = employers { $employers } share a director or an address and together ask { $workers } { PLURAL($workers, one: "worker", other: "workers") } in { $region }, ISCO group { $isco } ({ $citizens } { PLURAL($citizens, one: "citizen", other: "citizens") } on their staff)
fe-roll-many = { $n } requests; { $first }

## What a comparison with the published decisions shows (reality.note)

rn-ceiling-legal = kvota's ceiling is the legal parameter, the published figure itself
rn-ceiling-overridden = the scenario overrides the legal ceiling
rn-distributed = the published figure is the order's first edition (categories 1-4 and seasonal); kvota's is its justified demand under the ceiling
rn-categories = over the categories the order itemises ({ $list })
rn-categories-order-shares = kvota splits its quota by this order's own shares, so agreement proves nothing
rn-categories-calibrated = the requests are calibrated to this order's category totals, so agreement proves nothing
rn-regions = the order's first edition itemises { $n } regions in the source; the rest of its { $total } persons are 'other'
rn-stock = published: the stock of foreign workers on permits on { $date } (a mix, not a quota: the nearest published sector split); sections not itemised are 'other'
rn-kandas = persons
rn-kandas-calibrated = persons; the scenario's budget was set from the published total, so the total proves nothing
rn-kandas-by-order = kvota splits by the shares of the order for { $year }, so the distance measures how far the orders moved, not the labour model
rn-kandas-by-shortage = persons; the split by the modelled shortage, beside the quota (not the quota): how far the labour model is from the order
rn-undefined = kvota gives none, so the mix is undefined.

## Why a request line has its quota (requests_vetted.explanation)

rl-head = { $request } ({ $employer }): { $workers } { PLURAL($workers, one: "worker", other: "workers") }, occupation { $occupation }, category { $category } in { $cell }
rl-tail = { $justified } justified, quota { $quota } ({ $decision })
rl-tail-ict = { $justified } admitted outside the quota (ICT)
rl-flags = Flags: { $list }
rl-decision-approved = approved
rl-decision-reduced = reduced
rl-decision-rejected = rejected
rl-decision-outside-quota = outside_quota
rl-closed-section = section { $section } is closed to foreign workers
rl-closed-occupation = occupation { $occupation } (ISCO { $code }) is closed to foreign workers
rl-seasonal-section = seasonal workers are admitted only in agriculture, not in section { $section }
rl-unrated-cell = the panel has no cell { $cell } to rate
rl-surplus-project = { $cell } is rated surplus, but the request cites current project { $project }
rl-surplus-cell = { $cell } is rated surplus
rl-citizens-reject = { $applicants } suitable citizens applied
rl-citizens-reduce = { $applicants } suitable citizens applied -> { $left }
rl-wage-floor = wage { $wage } below the floor of { $floor }
rl-local-content = local content allows { $allowed }
rl-ict-limited = ICT limited to { $allowed } by { $citizens } { PLURAL($citizens, one: "citizen", other: "citizens") } on staff
rl-no-posting = no vacancy was posted on the exchange
rl-late-posting = the vacancy was posted { $days } { PLURAL($days, one: "day", other: "days") } before the request, not { $needed }
rl-posted-before = posted { $days } { PLURAL($days, one: "day", other: "days") } before
rl-occupation-not-admitted = occupation { $occupation } is not admitted in categories 1-4
rl-counted-in-category = counted in category { $category } (its occupation's)
rl-ceiling-leaves = the ceiling leaves { $quota } of { $justified }
rl-seasonal-limit = the seasonal limit of { $limit } leaves { $left } of { $justified }

## Errors: the message, each cause once, and what to do next

cli-error = error: { $text }
cli-cause = {"  "}cause: { $text }
cli-missing = { $path }: not found ({ $what })
missing-scenario = the scenario file
missing-panel = the panel folder
missing-params = the folder of dated parameters
missing-data-file = the file of `[data] { $key }` in the scenario
cli-hint = {"  "}what to do: { $text }
hint-scenario-missing = give the path of a scenario file with --scenario FILE (relative to the current folder); built into kvota: { $builtin }
hint-panel-missing = give the panel folder with --data DIR, or set [data] panel in the scenario (a path there is relative to the scenario file)
hint-params-missing = give the folder of dated parameters with --params DIR, or set [data] params in the scenario (a path there is relative to the scenario file)
hint-data-file-missing = set [data] { $key } in the scenario to the file (a path relative to the scenario file), or to "" to run without it
hint-file-missing = check the path and the name of the file
hint-input = correct the file at the place named and run again; kvota changed no input file and wrote no output
hint-scenario = correct that line of the scenario file; every key, its meaning and its default are in scenarios/defaults/planner.toml
hint-param = correct that parameter in its file, or give another folder of parameters with --params DIR
hint-inconsistent = make the tables agree and run again; kvota wrote no output
hint-infeasible = change one of the settings named and run again; kvota wrote no output
hint-internal = this is a fault of kvota, not of the input: please report it with the command and the input files

## Errors of the library: where, and what is wrong there (src/error.rs, Msg)

at-row = { $file }, row { $row }
at-column = { $file }, column `{ $column }`
at-cell = { $file }, row { $row }, column `{ $column }`
err-param = parameter `{ $name }`: { $text }
err-infeasible = infeasible: `{ $constraint }`: { $text }
err-dataset = dataset build: { $text }
err-internal = internal check failed: { $text }
err-file-empty = the file is empty
err-file-binary = the file is binary, not delimited text
err-not-delimited = not a readable delimited file: { $detail }
err-header-only = the file has a header but no data rows
err-column-unnamed = a column has an empty name
err-column-twice = the column appears twice in the header
err-not-parquet = not a readable Parquet file: { $detail }
err-no-rows = the file has no rows
err-column-missing-has = required column is missing (the file has: { $columns })
err-column-missing = required column is missing
err-empty-value = empty value; expected { $what }
what-count = a non-negative integer count
what-number = a number
err-negative-count = negative count { $value }
err-not-whole = `{ $value }` is not a whole number
err-not-number = `{ $value }` is not a number
err-not-date = `{ $value }` is not a date (YYYY-MM-DD)
err-oked-code = `{ $value }` is not an OKED code
err-oked-division = `{ $value }`: OKED division { $division } does not exist
err-oked-code-or-section = `{ $value }` is not an OKED section letter (A-U) or class code such as 41.20
err-oked-section = `{ $value }` is not an OKED section (expected one letter A-U)
err-occupation = `{ $value }` is not an ISCO-08 occupation code (1 to 4 digits)
err-category = `{ $value }` is not a worker category (expected 1, 2, 3, 4 or seasonal)
err-or-ict = or ict for an intra-corporate transfer
what-request-id = a request id
what-employer-id = a pseudonymous employer id
what-region-code = an ISO 3166-2:KZ region code
what-oked = an OKED section letter or class code
what-occupation = an ISCO-08 occupation code
what-category = a worker category (1, 2, 3, 4, seasonal) or ict
what-wage = a monthly wage in tenge
err-negative-wage = negative wage { $value }
what-date = a date (YYYY-MM-DD)
err-evidence = `{ $value }` is not one of official, ingested, estimated, synthetic
err-duplicate-request = duplicate request id (also on row { $prev }); each request line needs its own id
err-citizens-exceed-staff = { $citizens } citizens on staff but only { $staff } staff in all; check both columns
err-posting-without-date = a posting id without its date; give the date the vacancy was posted on the exchange
err-used-exceeds-quota = { $used } permits used of a quota of { $quota }; used cannot exceed the quota
what-project-id = a project id
what-project-status = planned, active or finished
err-project-status = `{ $value }` is not a project status (planned, active, finished)
err-duplicate-project = duplicate project id (also on row { $prev })
err-project-ends-first = the project ends ({ $end }) before it starts ({ $start })
what-region-name = a region name
err-wage-positive = a wage must be positive
err-category-or-ict = `{ $value }` is not a worker category (expected 1, 2, 3, 4 or seasonal), or ict for an intra-corporate transfer
err-region-empty = empty region name
err-region-code = `{ $value }` is not an ISO 3166-2:KZ code of a current or former region
err-region-unknown = unknown region name `{ $value }`
err-region-ambiguous = ambiguous region name `{ $value }`: it could be { $areas }; write `city` or `region` to say which
err-region-not-current = `{ $value }` names { $area }, not one of the 20 current regions
err-region-closest = closest known names: { $names }
word-or = or
cfg-id = `{ $value }` must be non-empty and use only letters, digits, - and _
cfg-target-year = { $value } is outside 2000..2100
cfg-draws = { $value } { PLURAL($value, one: "draw", other: "draws") }: at most 100000
cfg-backtest-origins = { $value } { PLURAL($value, one: "origin", other: "origins") }: at most 20
cfg-common-shocks = the common shocks are correlated as the run's back-test measures; set [forecast] backtest_origins above 0 or common_shocks = false
cfg-coverage-tolerance = { $value } points: between 0 and 50
cfg-calibrated = `{ $value }` is not a measure (one of { $measures })
cfg-cutoffs = need surplus_cutoff < shortage_cutoff (got { $surplus } and { $shortage })
cfg-output-growth = section { $section }: { $value } % a year is outside -50..100
cfg-share = must be a share in [0, 1]
cfg-rating = rating `{ $value }` is not shortage, balanced, surplus or undetermined
cfg-override-reason = the override of { $region } / { $section } needs a reason
cfg-percentage = must be a percentage in [0, 100)
cfg-non-negative-ge = must be >= 0
cfg-backtest-years = must not be after backtest_last_year
cfg-band = [{ $lo }, { $hi }] is not a band of probabilities
cfg-factors = factors must be non-negative numbers
cfg-first-divisor = first_divisor { $value } is outside [1, 2)
cfg-method = unknown method `{ $value }` (proportional or lp)
cfg-reserve-share = { $value } is outside [0, 1)
cfg-ceiling = { $value } is not a percentage in (0, 100]
cfg-min-coverage = { $value } is not a share in [0, 1]
cfg-needs-lp = region_capacity, section_floor, section_cap and min_coverage need method = "lp"
cfg-floor-above-cap = section { $section }: floor { $lo } is above its cap { $hi }
cfg-amendment = amendment `{ $id }`: { $text }
cfg-non-negative-amount = must be a non-negative amount
cfg-at-least-one = must be at least 1
cfg-working-members = cannot exceed family_size
cfg-non-negative = must be non-negative
cfg-split = unknown split `{ $value }` (previous_order or shortage)
cfg-fan-cell = [output] fan_cells: `{ $value }` is not a cell of the panel (write region code / section letter, e.g. "KZ-35/P")
cfg-plain-date = `{ $value }` is not a plain date (YYYY-MM-DD)
err-personal-column = looks like personal data; kvota takes pseudonymous ids only — remove the column
err-id-empty = the id is empty
err-id-iin = looks like a real IIN or BIN (twelve digits); kvota takes pseudonymous keys only — replace it with a key such as E-000123
what-family-id = a pseudonymous family id
what-members = a number of family members (1 or more)
err-members = `{ $value }` is not a number of members (1 or more)
err-duplicate-family = duplicate family id (also on row { $prev })
what-item = a support item
err-one-of = `{ $value }` is not one of { $options }
err-no-mci = the date has no MCI: { $detail }
err-not-amount = `{ $value }` is not a non-negative amount
err-amount-both = give amount_mci or amount_kzt, not both
err-amount-none = no amount: give amount_mci or amount_kzt
err-payment-family = a payment names family `{ $family }`, which is not in the families table
err-move-family = a move names family `{ $family }`, which is not in the families table
err-tie = { $seats } { PLURAL($seats, one: "seat", other: "seats") } at house size { $house } { PLURAL($seats, one: "is", other: "are") } tied between { $units }; a human must decide (or pass --break-ties to give them to the larger weight, then the earlier unit)
prm-no-files = no parameter files (*.toml) found
prm-unknown = no such parameter in data/params
prm-unknown-close = no such parameter in data/params; did you mean { $close }?
prm-not-in-force = no value in force on { $date }; the first value takes effect on { $first }
prm-not-number = is a { $unit }, not a number
prm-not-regions = is a { $unit }, not a region list
prm-not-sections = is a { $unit }, not a list of sections
prm-not-codes = is a { $unit }, not a list of codes
prm-not-texts = is a { $unit }, not a text by language
prm-not-table = is a { $unit }, not a table
prm-invalid-file = invalid parameter file: { $detail }
prm-no-values = has no values
prm-effective-date = effective `{ $value }` is not a date (YYYY-MM-DD)
prm-no-reference = value effective { $effective } has no legal reference
prm-value-effective = value effective { $effective }: { $text }
prm-dates-increase = effective dates must increase: { $later } follows { $earlier }
prm-expected-number = expected a number, found { $found }
prm-expected-regions = expected a list of ISO 3166-2:KZ codes
prm-expected-region-strings = expected region codes as strings
prm-not-region-code = `{ $value }` is not an ISO 3166-2:KZ region code
prm-region-twice = region { $value } listed twice
prm-expected-sections = expected a list of OKED section letters
prm-expected-section-strings = expected section letters as strings
prm-section-twice = section { $value } listed twice
prm-expected-table = expected a table
prm-expected-codes = expected a list of ISCO-08 codes
prm-expected-code-strings = expected ISCO-08 codes as strings
prm-not-isco = `{ $value }` is not an ISCO-08 code (1 to 4 digits)
prm-code-twice = code { $value } listed twice
prm-expected-texts = expected a table of texts: {"{"} kk = "...", ru = "...", en = "..." {"}"}
prm-not-language = `{ $value }` is not a language kvota writes (kk, ru, en)
prm-expected-text = `{ $value }`: expected a text
prm-text-missing = the text in `{ $value }` is missing (give kk, ru and en)
prm-share = share { $value } is outside 0..1
prm-percentage = percentage { $value } is outside 0..100
prm-yes-no = { $value } is neither 1 (yes) nor 0 (no)
prm-category = { $value } is not a worker category 1-4 (or 0 for none)
prm-severity = { $value } is not a severity 1 (low), 2 (medium) or 3 (high)
prm-negative = negative value { $value }
prm-shares-sum = shares by level add up to { $sum }, not 1
err-more-problems = (and { $more } more { PLURAL($more, one: "problem", other: "problems") }; `kvota validate` lists them all)
err-no-observations = no observations could be read from the file
err-duplicate-observation = duplicate: { $indicator } { $region } { $period } is also given at { $first }
err-region-code-empty = empty region code
err-period = `{ $value }` is not a period (2024, 2024Q3, 2024-11)
err-period-use = `{ $value }` is not a period (use 2023, 2023Q2 or 2023-05)
err-period-kind = period `{ $value }` is written differently from row { $first }; one table, one kind of period
err-table-no-rows = the table has no rows
what-series-id = a series id
what-period = a period label
err-open-data-columns = (a stat.gov.kz open-data export has the columns NAM, DAT, PERIOD, { $region }, { $latin }, VAL)
err-many-indicators = the file holds { $count } indicators ({ $names }); --indicator would merge them into one
err-indicator-empty = empty indicator name
err-period-label = `{ $value }` is not a period label such as `2006 год` or `3 квартал 2015 г.`
err-period-dat = `{ $value }` does not match DAT `{ $dat }`, whose last month is { $month }
err-region-two-names = `{ $value }` names { $area } but { $column } `{ $latin }` names { $other }
scn-extends-path = `extends` must be the path of another scenario file
scn-extends-cycle = `extends` makes a cycle through { $path }
scn-extends-missing = `extends`: { $path } is not found (a path relative to this file)
scn-extends-id = a scenario that extends another needs its own `id`
scn-unknown-key-one-of = unknown field `{ $key }`, expected one of { $keys }
scn-unknown-key = unknown field `{ $key }`, expected { $keys }
run-target-year = target_year { $target } must be after the last year of data ({ $last })
run-skill-file = skill matching needs { $file } in the panel folder { $folder } (or set skill_matching = false)
run-wage-scale = the panel has no national wage for { $year } or { $filed }, needed to scale the occupation wages
run-id-twice = scenario id `{ $id }` is used twice in the batch
run-same-id = both scenarios have the id `{ $id }`
area-republic = the Republic of Kazakhstan (national total)
area-south-kazakhstan = South Kazakhstan Region (until 2018) ({ $code })
what-integer = an integer
err-not-integer = `{ $value }` is not an integer
err-duplicate-key-row = duplicate key ({ $key }): also on row { $prev }
err-duplicate-key = duplicate key ({ $key })
pnl-employed-exceeds = employed { $employed } exceeds labour_force { $lf }
pnl-unemployed = unemployed { $unemployed } is not labour_force - employed = { $gap }
pnl-lf-exceeds = labour_force { $lf } exceeds population { $population }
pnl-no-row-region-year = no row for { $region } in { $year }
pnl-year-not-in = year { $year } is not in { $file }
pnl-zero-wage = zero wage in a cell with employment
pnl-no-row-cell = no row for { $region } / section { $section } in { $year }
what-price-index = a price index (previous year = 100)
pnl-price-index = `{ $value }` is not a plausible price index (previous year = 100)
pnl-duplicate-year = duplicate year { $year }
pnl-no-row-year = no row for { $year }
what-share = a share between 0 and 1
pnl-share = `{ $value }` is not a share between 0 and 1
pnl-age-shares = age shares add up to { $sum }, not 1
pnl-duplicate-region = duplicate region { $region }
pnl-no-row-for = no row for { $what }
pnl-cut = last_year { $year } must be a year of the panel ({ $first }..{ $last }) with at least three years up to it
what-section = an OKED section letter
what-volume-index = a volume index in % of the previous year
pnl-volume-index = `{ $value }` is not a volume index between 10 and 400 (% of the previous year)
pnl-no-row-section-year = no row for section { $section } in { $year }
pnl-shares-sum = shares add up to { $sum }, not 1
pnl-duplicate-section = duplicate section { $section }
pnl-no-row-section = no row for section { $section }
what-year = a year
pnl-year = `{ $value }` is not a year between 1990 and 2100
pnl-years-gap = years are not contiguous: { $year } is followed by { $next }
pnl-few-years = only { $count } { PLURAL($count, one: "year", other: "years") }; at least 4 are needed to forecast
what-evidence = official, ingested, estimated or synthetic
pnl-evidence = `{ $value }` is not official, ingested, estimated or synthetic
pnl-not-evidence = not official, ingested, estimated or synthetic
what-worker-category = a worker category (1, 2, 3, 4 or seasonal)
req-seasonal-section = seasonal workers are admitted only in agriculture (section A), not in section { $section }
req-duplicate = duplicate request ({ $key }): also on row { $prev }; aggregate employers per cell and category
what-unit = a unit name
what-non-negative = a non-negative number
err-duplicate-unit = duplicate unit `{ $unit }`
err-not-year = `{ $value }` is not a year
what-region-code-or-name = a region code or name
what-persons = a whole number of persons
ref-total-differs = { $total } differs from { $earlier } on an earlier row of { $year }
ref-region-twice = { $region } appears twice for { $year }
err-sdg-columns = (a BNS SDG data file has the columns Year, UNIT_MEASURE, the breakdowns, Value)
ed-id-used = the id is used by an earlier edition
ed-dated-before = dated { $date } before the previous edition ({ $previous })
ed-twice = changes ({ $key }) twice; give one net change per cell and category
ed-seasonal = seasonal permits are for agriculture (section A), not section { $section }
ed-not-shortage = adds { $delta } { PLURAL($delta, one: "permit", other: "permits") } in { $cell }, which is not rated in shortage: foreign workers are admitted only where there is a shortage
ed-withdraws = withdraws { $delta } { PLURAL($delta, one: "permit", other: "permits") } from ({ $key }) which has { $before }
ed-reserve = needs { $delta } { PLURAL($delta, one: "permit", other: "permits") } for ({ $key }) but the reserve has { $reserve } left
fq-not-count = category { $category }: { $value } is not a count
fq-no-counts = the order in force gives no counts for categories 1-4, so the split is undefined
fq-no-value = no value for category { $category }
fq-not-share = category { $category }: { $value } is not a share in (0, 1]
fq-needs-lp = regional capacities, section floors and caps and minimum coverage need method = "lp"
kq-no-key = no `{ $key }`
kq-rent-range = { $value } MCI a month is outside the legal range { $min }-{ $max } MCI
kq-no-region = no region is designated for the year
kq-not-designated = { $region } is not a resettlement region of the year
kq-budget = the budget of { $budget } tenge is below the cost of one family ({ $cost } tenge)
kq-no-shortage = no labour shortage the arrivals could fill was found in any designated region, so the split by shortage is undefined (set [kandas] split = "previous_order")
kq-no-order = no regional quota order is in force before the target year, so the split by the previous order is undefined (add the order to kandas.regional_quota, or set [kandas] split = "shortage")
kq-order-regions = the order for { $year } names none of the year's designated regions (set [kandas] split = "shortage")
vet-isco-prefix = `{ $value }` is not an ISCO-08 prefix
vet-no-severity = no severity for the flag { $flag }
vet-not-flag = `{ $value }` is not a flag (one of { $flags })
pst-unterminated = the file ends inside a quoted field (truncated?)
pst-read-error = read error: { $detail }
pst-binary = binary data, not a delimited text file
pst-no-header = no header line
pst-no-date-column = no date column (date, published_at, created_at, дата); give the snapshot month with --month YYYY-MM
pst-no-region-column = no region column (region, area, city, регион, область, город) and no link (link, url) to read it from
pst-fields = { $fields } fields where the header has { $width } (truncated or misaligned row)
pst-date = `{ $value }` is not a date (2024-11-05 or 05.11.2024)
pst-link-region = no region in the link `{ $value }`
xls-unreadable = not a readable spreadsheet (.xlsx, .xls, .ods): { $detail }
xls-sheet-unreadable = sheet `{ $sheet }` cannot be read: { $detail }
xls-no-layout = no sheet has a BNS table layout (a row of years over region rows): { $skipped }
xls-header = header `{ $value }` is not a quarter, a month or `year`
xls-sub-period = sub-period `{ $value }` has no year above it
xls-no-label = values on a row without a region label
xls-region-again = `{ $value }` names { $area } again (first at row { $first }); two rows of one table cannot be the same region
err-not-a-cell = `{ $value }` is not a number, nor one of the symbols -, x, ... that stand for no number
ing-recoded = { $indicator }: { $from } values for { $span } recoded { $to } (South Kazakhstan before the 2018 split: Shymkent has no value until later)
ing-old-borders = { $indicator }: { $parent } values for { $span } are in the borders before 8 June 2022 (they include today's { $units }, which has no value until later)
ing-before-formed = { $indicator }: { $code } has values for { $span }, before the region was formed (estimates or recalculations by the source)
ing-span = { $first }..{ $last } ({ $count } { PLURAL($count, one: "period", other: "periods") })
ing-series-section = { $indicator } { $code } section { $section }
ing-gap = { $series }: no row for { $periods }
ing-gap-more = and { $more } more
pst-more-problems = { $count } further { PLURAL($count, one: "problem", other: "problems") } not listed
pst-unclassified = { $count } { PLURAL($count, one: "posting", other: "postings") } without a recognised OKED section (counted under a null section)
pst-salaries = salaries: { $kzt } in tenge ({ $gross } gross, { $net } net, the rest unstated) used in the medians as printed; { $none } not stated
pst-currency = { $count } { PLURAL($count, one: "salary", other: "salaries") } in { $currency } not in the medians (no exchange rate is applied)
pst-bad-salaries = { $count } salary { PLURAL($count, one: "text", other: "texts") } not understood: { $examples }
pst-bands = experience bands (not in the table): { $bands }
xls-sheet-empty = sheet `{ $sheet }`: empty
xls-sheet-skipped = sheet `{ $sheet }`: { $reason }
xls-no-years = no row of years
xls-no-values = a year row but no value columns
xls-no-label-column = no label column left of the values
xls-empty-column = sheet `{ $sheet }`, column { $column } ({ $period }): no value in any row
sdg-broken-down = { $count } { PLURAL($count, one: "row", other: "rows") } broken down by sex, age or urban/rural (totals kept)
sdg-towns = { $count } { PLURAL($count, one: "row", other: "rows") } of towns and districts (regions kept)
sdg-activities = { $count } { PLURAL($count, one: "row", other: "rows") } of activity totals and activities that are not OKED sections
lp-unit-bounds = its minimum { $min } exceeds its maximum { $max }
lp-floor-cap = its floor { $floor } exceeds its cap { $cap }
lp-floor-capacity = its floor { $floor } exceeds the { $capacity } its units can take at most
lp-cap-floors = its cap { $cap } is below the { $floors } its units must have
lp-hard = the unit bounds and these hard constraints cannot hold together
lp-relax-floor = { $group } floor by { $by }
lp-relax-cap = { $group } cap by { $by }
lp-relaxation = these settings cannot all hold; the smallest change that makes them feasible relaxes { $relaxed }
lp-relaxation-with = these settings cannot all hold together with { $against }; the smallest change that makes them feasible relaxes { $relaxed }
lp-group-ceiling = ceiling
lp-group-region = region capacity { $region }
lp-group-section = section { $section }
lp-group-categories = categories of { $cell }
ap-unit-bounds = unit { $unit }: minimum { $min } above maximum { $max }
ap-minimums = the minimums add up to { $minimums }, more than the { $seats } { PLURAL($seats, one: "seat", other: "seats") }
ap-maximums = the maximums (and zero-weight units) allow only { $maximums } of the { $seats } { PLURAL($seats, one: "seat", other: "seats") }
ap-seat-each = { $method } gives every unit with weight a seat first, but there are { $units } such units and { $seats } { PLURAL($seats, one: "seat", other: "seats") }
ap-upper-quota = at house size { $house } no unit can take a seat within its upper quota and maximum
ap-no-weight = no free unit has weight to receive the remaining seats
ap-raise-from-pool = raising the units below their minimum needs { $need } { PLURAL($need, one: "seat", other: "seats") } but the remainders leave { $pool }; the minimum-first rule can meet the minimums
ds-cell-wages = cell wages: national average wage x official regional and sectoral relatives of hourly earnings ({ $first }-{ $last }; held at the nearest year outside)
ds-demo-requests = demonstration requests (synthetic, { $file }): calibrated to the orders' category totals, the stock by section and the published regional quotas
ds-values-from = { $column }: { $count } { PLURAL($count, one: "value", other: "values") } from { $table }
ds-2015 = 2015: regional employed interpolated (geometric mean of 2014 and 2016) and scaled to the BNS section total; labour force = employed / (1 - the official 2015 unemployment rate of the region, SDG 8.5.2)
ds-oews-suppressed = skill needs: { $count } suppressed OEWS { PLURAL($count, one: "cell", other: "cells") } (`-`) counted as 0
ds-2022-split = { $what }: Abai, Zhetysu and Ulytau before 2022 split from their parents by 2022 shares
what-employed = employed
what-labour-force = labour force
ds-population-south = population: 2010-2016 South Kazakhstan split into Turkistan and Shymkent by 2017 shares
ds-population-extrapolated = population: years after { $year } extrapolated and scaled to national totals of 1 Jan { $targets }
ds-ipf = region x section employment: IPF to regional totals (exact), national section totals (largest deviation after rounding { $deviation } persons) and, in { $official } of { $years } years, the official region x activity-group totals (A, B-F, G-S)
ds-no-regional = no regional { $what } for { $year }
ds-no-value = no { $what } for { $region } in { $year }
ds-no-2015-rate = no 2015 unemployment rate for { $region } (SDG 8.5.2)
ds-no-2015-total = no 2015 section total
ds-lf-below = labour force below employment for { $region } in { $year }
ds-no-2022 = no 2022 values to split { $region }
src-missing = [{ $key }] is missing: the map says what every panel column rests on
src-extra = [{ $key }] is not a column of { $file } (columns: { $columns })
src-ingested = [{ $key }] status `ingested` is what a `table` gives; say what the build makes without one
src-no-indicator = no value of indicator `{ $indicator }`
src-no-values = no values
src-levels = year { $year } mixes levels (cells, regions, sections); give one level per table
src-region-values = year { $year }: a region column takes region values (no section)
src-percent = `percent_of_labour_force` applies to region_year.unemployed, not { $column }
src-rate = { $year } { $region }: { $value } is not a rate in % below 100
rl-no-national-wages = no row for the Republic of Kazakhstan (the national wages)
app-duplicate-cell = duplicate quota cell
app-route-sections = route `{ $route }` has quotas by section and one without a section
el-few-years = elasticity of section { $section }: { $years } years of employment and output, at least 5 are needed
app-column = column `{ $column }`: { $text }
app-row = row { $row }: { $problems }
app-empty = empty
app-timestamp = `{ $value }` is not a timestamp (2026-03-01T10:00:00Z)
app-duplicate = row { $row }: duplicate applicant_id (rows { $rows })
rule-outside = { $value } is outside { $min }..{ $max }
rule-not-bool = `{ $value }` is not true or false
rule-no-stages = no stages
rule-field-range = field `{ $field }`: need finite min < max
rule-field-values = field `{ $field }`: a category field needs values
rule-undeclared = stage `{ $stage }` uses field `{ $field }`, which is not declared in [fields]
rule-stage-twice = stage id `{ $stage }` appears twice
rule-gate-empty = gate `{ $gate }` has no blocks
rule-gate-number = gate `{ $gate }`: block field `{ $field }` must be a number
rule-gate-bound = gate `{ $gate }`: block `{ $field }` needs `min` or `below`
rule-check-bool = check `{ $check }`: field `{ $field }` must be a bool
rule-pass = stage `{ $stage }`: pass mark must be a number
rule-factor-twice = stage `{ $stage }`: factor `{ $factor }` appears twice
rule-factor-ranges = factor `{ $factor }`: a number field takes `ranges`
rule-bands-overlap = factor `{ $factor }`: bands starting at { $a } and { $b } overlap
rule-band-empty = factor `{ $factor }`: band from { $from } is empty or has no points
rule-factor-categories = factor `{ $factor }`: a category field takes `categories`
rule-factor-value = factor `{ $factor }`: `{ $value }` is not a value of field `{ $field }`
rule-factor-bool = factor `{ $factor }`: a bool field takes categories `true`/`false`
rule-factor-cap = factor `{ $factor }`: cap must be >= 0
rule-factor-groups = factor `{ $factor }` is in more than one group of stage `{ $stage }`
rule-group-factor = group `{ $group }` names factor `{ $factor }`, which stage `{ $stage }` does not have
rule-group-cap = group `{ $group }`: cap must be >= 0
usage-unknown-arg = unexpected argument '{ $arg }' found
usage-unknown-command = unrecognized subcommand '{ $command }'
usage-invalid-value = invalid value '{ $value }' for '{ $arg }'
usage-possible = possible values: { $values }
usage-missing = the following required arguments were not provided: { $args }
usage-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
usage-did-you-mean = did you mean { $suggestion }?
usage-help = the commands and their flags: kvota --help, kvota <command> --help
arg-format = `{ $value }` is not a format (bns-xlsx, bns-open-data, bns-sdg or postings)
arg-table-format = `{ $value }` is not a table format (arrow or csv)
arg-lang = `{ $value }` is not a language kvota writes (kk, ru or en)
arg-fraction = `{ $value }` is not a number in [1, 2) such as 1.4
arg-level = `{ $value }` is not a level between 0 and 100 (e.g. 80)
arg-month = `{ $value }` is not a month such as 2024-11
help-flag-help = Print help
help-flag-version = Print version
help-heading-usage = Usage
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-cmd-help = Print this message or the help of the given subcommand(s)

## --help: every command and flag (src/bin/kvota/help.rs); en is the code's own documentation

help-cmd-kvota = Labour-shortage forecasting and quota allocation for Kazakhstan
help-arg-kvota-quiet = Print nothing but errors
help-cmd-run = Run the whole pipeline for a scenario and write Parquet outputs and a manifest
help-cmd-run-long =
    Run the whole pipeline for a scenario and write Parquet outputs and a manifest.

    Example: kvota run --scenario scenarios/baseline.toml --out reports
help-arg-run-scenario = Scenario file
help-arg-run-data = Folder with the panel CSVs, or the data folder holding `panel/` (overrides the scenario's data.panel)
help-arg-run-params = Folder with the dated parameters (overrides the scenario's data.params)
help-arg-run-out = Output root; results go to <OUT>/<scenario id>/
help-arg-run-png = Also write the charts as PNG (charts/*.png)
help-arg-run-format = Also write every table as Arrow IPC (.arrow) and/or CSV (.csv) beside its Parquet file
help-arg-run-lang = Languages of the report and the draft order, the first also as report.html (default: the scenario's [output] lang, else kk,ru,en)
help-cmd-scenario = Run a batch of scenarios, or compare two
help-cmd-scenario-long =
    Run a batch of scenarios, or compare two.

    Example: kvota scenario run scenarios/baseline.toml scenarios/lp_amended.toml --out reports
help-cmd-scenario-run = Run several scenarios; those on the same panel, model and horizon share one set of forecasts. Each writes <OUT>/<scenario id>/ as `kvota run` does; ids must differ
help-cmd-scenario-run-long =
    Run several scenarios; those on the same panel, model and horizon share one set of forecasts. Each writes <OUT>/<scenario id>/ as `kvota run` does; ids must differ.

    Example: kvota scenario run scenarios/*.toml --out reports
help-arg-scenario-run-scenarios = Scenario files
help-arg-scenario-run-out = Output root
help-cmd-scenario-compare = Run two scenarios and list the cells whose rating, shortage gap or quota differ (B - A); writes <OUT>/compare_<A>_<B>.parquet (and .csv)
help-cmd-scenario-compare-long =
    Run two scenarios and list the cells whose rating, shortage gap or quota differ (B - A); writes <OUT>/compare_<A>_<B>.parquet (and .csv).

    Example: kvota scenario compare scenarios/baseline.toml scenarios/lp_amended.toml
help-arg-scenario-compare-out = Output root (the two runs go to <OUT>/<id>/)
help-cmd-validate = Check the input panel and print a validation report; exit 1 on errors
help-cmd-validate-long =
    Check the input panel and print a validation report; exit 1 on errors.

    Example: kvota validate --data data/panel

    With --format and files, checks published statistics files instead (see `kvota ingest`): rows read and normalised, cells flagged, unknown names with suggestions, duplicates, gaps in the series and region splits applied.

    Example: kvota validate --format bns-xlsx archive_unemploymentRate.xlsx
help-arg-validate-format = Format of FILES (bns-xlsx, bns-open-data, bns-sdg or postings; postings need a date column)
help-arg-validate-files = Published files to check
help-cmd-ingest = Read a published statistics file and write kvota's long table (indicator, region_code, oked_section, period, value, flag)
help-cmd-ingest-long =
    Read a published statistics file and write kvota's long table (indicator, region_code, oked_section, period, value, flag).

    Nothing is dropped silently: `-`, `x`, `...` and footnote marks become flags; a label that names no region or a text in a number cell stops the command with its file, row and column, and no output is written.

    Example: kvota ingest bns-xlsx archive_unemploymentRate.xlsx --out unemployment.parquet
help-arg-ingest-format = bns-xlsx (BNS spreadsheet), bns-open-data (stat.gov.kz export, CSV or Parquet), bns-sdg (BNS SDG platform data file, CSV) or postings (vacancy postings, CSV)
help-arg-ingest-file = The file to read
help-arg-ingest-out = Output file, .parquet or .csv
help-arg-ingest-indicator = Indicator name (default: the spreadsheet's title, or NAM of the export)
help-arg-ingest-month = Snapshot month (YYYY-MM) of a postings file that has no date column
help-cmd-apportion = Apportion seats over the units of a CSV file (columns unit, weight) with an exact method
help-cmd-apportion-long =
    Apportion seats over the units of a CSV file (columns unit, weight) with an exact method.

    Example: kvota apportion --input parties.csv --seats 54 --method dhondt --out seats.csv
help-arg-apportion-input = CSV with columns unit, weight (weights: non-negative integers of any size or decimals)
help-arg-apportion-seats = Seats to apportion
help-arg-apportion-method = hamilton, dhondt, sainte-lague, huntington-hill, adams, dean or quota
help-arg-apportion-min = Minimum seats of every unit
help-arg-apportion-min-rule = How Hamilton meets the minimums: minimum-first (the default: units below their minimum get it first, the rest of the house is apportioned over the others) or raise-from-pool (the historical US House convention: quotas of all units at the full house, floors, units below the minimum raised to it from the seats left after the floors, the rest by largest remainder among the others)
help-arg-apportion-max-column = Column with each unit's maximum seats (empty cell = no maximum)
help-arg-apportion-first-divisor = First divisor of modified Sainte-Laguë on the 1, 3, 5 scale, e.g. 1.4
help-arg-apportion-break-ties = Break ties by the stated rule (larger weight, then earlier unit) instead of failing
help-arg-apportion-out = Output file (.csv or .parquet) with unit, seats in input order; stdout if omitted
help-cmd-select = Score applicants by a rules file, rank the eligible ones of each quota cell, fill the slots
help-cmd-select-long =
    Score applicants by a rules file, rank the eligible ones of each quota cell, fill the slots.

    Example: kvota select --rules data/rules/kz_2026_pilot.toml --applicants applicants.csv --quota slots.csv --out reports/selection
help-arg-select-rules = Rules file (TOML): fields, stages, bands, caps, pass marks (see data/rules/)
help-arg-select-applicants = Applicants, CSV or Parquet: applicant_id, submitted_at, [updated_at, decided_at, route, region, section,] and one column per field of the rules
help-arg-select-quota = Slots per cell, CSV or Parquet: route, region, [section,] slots
help-arg-select-out = Output folder: selection.parquet, cutoffs.parquet, funnel.parquet, manifest.json
help-cmd-contract = The kandas social-contract ledger on a date: status, repayments owed, retention, projection
help-cmd-contract-long =
    The kandas social-contract ledger on a date: status, repayments owed, retention, projection.

    Example: kvota contract --families families.csv --payments payments.csv --moves moves.csv --as-of 2026-12-31
help-arg-contract-families = Families, CSV or Parquet: family_id, arrival_date, host_region, members
help-arg-contract-payments = Support paid: family_id, item, paid_date, amount_mci or amount_kzt
help-arg-contract-moves = Moves: family_id, move_date, to_region
help-arg-contract-as-of = Date of the status (YYYY-MM-DD)
help-arg-contract-params = Folder with the dated parameters (contract length, repayment share, MCI)
help-arg-contract-out = Output folder: contract_status.parquet, contract_regions.parquet, retention.parquet, manifest.json
help-cmd-dataset = Rebuild the default dataset in data/panel from data/raw (see data/README.md)
help-cmd-dataset-build = Example: kvota dataset build --raw data/raw --assumptions data/build/assumptions.toml --sources data/build/sources.toml --out data/panel
help-arg-dataset-build-raw = Folder with the official series the build reads
help-arg-dataset-build-assumptions = Modelling assumptions and calibration totals
help-arg-dataset-build-sources = The source map: what every panel column rests on, and tables that replace columns
help-cmd-forecast = Forecast every series of a long table (series_id, period, value)
help-cmd-forecast-long =
    Forecast every series of a long table (series_id, period, value).

    Example: kvota forecast --input series.csv --horizon 6 --out forecasts.parquet --models auto
help-arg-forecast-input = Long table, CSV or Parquet, with columns series_id, period (2023, 2023Q2 or 2023-05), value
help-arg-forecast-horizon = Steps to forecast
help-arg-forecast-out = Output file (.parquet or .csv): series_id, period, step, mean, lo_L, hi_L, model
help-arg-forecast-models = Model: auto, naive, snaive, naive2, drift, ses, ses-ets, holt, damped, theta, otm, dstm, dotm, theta-sa, dstm-sa, otm-sa, autotheta, autoets (ets), autoets-a, ces, comb, classic-theta, autoarima (arima), autoarima-approx, autoarima-css, autoarima-sa
help-arg-forecast-season = Season length (default: 1 for years and indices, 4 for quarters, 12 for months)
help-arg-forecast-level = Prediction-interval levels in percent, comma-separated
help-arg-forecast-no-calibrate = Keep the models' own intervals instead of calibrating them on hold-outs across series
help-cmd-forecast-backtest = Rolling-origin back-test: accuracy of models on the last origins of every series
help-cmd-forecast-backtest-long =
    Rolling-origin back-test: accuracy of models on the last origins of every series.

    Example: kvota forecast backtest --input series.csv --horizon 2 --models naive2,theta,dotm,auto
help-arg-forecast-backtest-models = Models to compare, comma-separated
help-arg-forecast-backtest-origins = Number of forecast origins per series (the last ones)
help-arg-forecast-backtest-no-calibrate = Score the models' own intervals instead of calibrating them at each origin across the series, as `kvota forecast` does by default
help-arg-forecast-backtest-out = Also write the table (.parquet or .csv)
arg-model = unknown model `{ $value }`; known models: { $models }
ds-no-group-row = region x activity-group employment: no row for { $region } in { $year }
ds-no-section-employment = no employment for section { $section } in { $year }
ds-no-section-value = { $what }: no value for section { $section }
ds-no-section-year = no { $section } { $year }
ds-no-index = no index for section { $section } in { $year }
ds-no-industry = no employment for industry `{ $industry }` named for section { $section } in [skill_needs.sections]
ds-duplicate-row = duplicate row for { $code } { $year }
ds-unexpected-section = unexpected section `{ $section }`
ds-population-year = population.national_1jan: `{ $value }` is not a year
ds-population-years = population years: no year { $year } in the population table
ds-no-age = no age structure for { $region }
ds-expected-region = expected a region
ds-no-migration = no internal migration files
ds-no-wages = no wages
ds-no-national-wage = no national wage for { $year }
ds-rural-region = rural shares missing a region
ds-seed-section = seed: unknown section { $section }
ds-seed-region = seed: unknown region { $region }
dr-not-count = { $key } is not a count
dr-month-day = { $key } is not a month and day
dr-no-occupations = no occupations for category { $category }
ds-no-hourly = { $file }: no year with hourly earnings for every region and every section
