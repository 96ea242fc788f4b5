# kvota хабарламалары қазақ тілінде. Кілттері en.ftl және ru.ftl файлдарындағымен бірдей
# (`i18n::catalogues_are_complete` тесті тексереді). Аргументтер — дайын мәтін.

## Күндер

date-long = { $year } жылғы { $day } { $month }
month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан
yes = иә

## Кодтардың атаулары

evidence-official = ресми деректер
evidence-ingested = пайдаланушы деректері
evidence-estimated = бағалау
evidence-synthetic = синтетикалық деректер
evidence-unknown = сипатталмаған (дереккөздер картасы жоқ)
role-openings = кадрларға қажеттілік
role-supply = ішкі ұсыныс
role-score = тапшылық индексі
role-none = жоқ
rating-shortage = тапшылық
rating-balanced = теңгерім
rating-surplus = артықшылық
rating-undetermined = анықталмаған
severity-low = төмен
severity-medium = орташа
severity-high = жоғары
status-verified = акт бойынша тексерілген
status-reported = жарияланымдар бойынша
status-derived = есептелген
status-assumption = болжам
status-unverified = тексерілмеген
category-1 = бірінші санат (басшылар және олардың орынбасарлары)
category-2 = екінші санат (құрылымдық бөлімшелердің басшылары)
category-3 = үшінші санат (мамандар)
category-4 = төртінші санат (білікті жұмысшылар)
category-seasonal = ауыл шаруашылығындағы маусымдық шетелдік жұмыскерлер
category-short-1 = Бірінші санат
category-short-2 = Екінші санат
category-short-3 = Үшінші санат
category-short-4 = Төртінші санат
category-short-seasonal = Маусымдық жұмыскерлер
country = Қазақстан Республикасы
category-short-total = Барлығы
flag-oversized-request = өтінім жұмыс берушінің штатына сай емес, тым үлкен
flag-no-labour-market-test = өтінімге дейін бос жұмыс орны жарияланбаған
flag-posting-after-request = бос жұмыс орны өтінімнен кейін жарияланған
flag-citizens-available = ұяшықта жұмыс іздеген азаматтар бар
flag-wage-below-median = жалақы өңірдің медианасынан төмен
flag-category-occupation-mismatch = санат кәсіпке сәйкес келмейді
flag-local-content = қазақстандық кадрлар үлесі орындалмаған
flag-shared-posting = бір бос орын бірнеше жұмыс берушіде
flag-linked-employers = байланысты жұмыс берушілер
flag-low-prior-use = бұрынғы квота негізінен пайдаланылмаған
flag-seasonal-outside-agriculture = ауыл шаруашылығынан тыс маусымдық жұмыскерлер
flag-surplus-cell = кадрлар артық ұяшықтағы өтінім
flag-unknown-project = жоба белгісіз
measure-ceiling-pct = квота (жұмыс күшінің %)
measure-distributed = бөлінген квота
measure-category = жұмыскерлер санаттары бойынша
measure-region = өңірлер бойынша
measure-section = секциялар бойынша (шетелдік жұмыскерлер саны)
measure-kandas-region = қандастар өңірлер бойынша
measure-kandas-region-shortage = қандастар өңірлер бойынша, тапшылық бойынша бөлу (квотамен қатар)
measure-kandas-total = қандастар барлығы
item-all = барлығы
item-other = басқалары

## Жолдың квотасы неге осындай (түсіндірме бағандары)

why-closed = секция заң бойынша шетелдік жұмыскерлерге жабық; квота 0.
why-not-shortage = тапшылық жоқ, сондықтан өтінімдер негізделмеген; квота 0.
why-not-in-order = бұйрықта болмаған.
why-vetted = тексерілген өтінімдер { $n } негіздейді
why-gap = тапшылық { $n }
why-requested = , сұралғаны { $n }
why-justified = ; негізделген қажеттілік { $n }
why-lc-allows = {" "}(қазақстандық кадрлар үлесі { $n } рұқсат етеді)
why-cell-quota = ; ұяшық квотасы { $n }
why-lp = {" "}(СБ: бір адамға маңыздылығы { $severity }; шектеу: { $binding }{ $shadow })
why-shadow = , көлеңкелі баға { $v }
why-demand-met = {" "}(қажеттілік толық өтелді)
why-capped-lc = {" "}(қазақстандық кадрлар үлесімен шектелген)
why-share = {" "}({ $method } әдісі бойынша бөлінетін { $distributable } ішіндегі үлес, негізделген қажеттілік { $demand })
why-category = ; { $category } санат: { $n }
why-of-requested = , сұралғаны { $n }
why-order-shares = {" "}қолданыстағы бұйрықтың үлестері бойынша
why-tie = ; теңдік шешілді (салмағы үлкені, содан кейін реті)
why-amended = {" "}{ $id } редакциясымен өзгертілді: { $delta } ({ $direction }){ $reason }
why-from-reserve = резервтен
why-back-to-reserve = резервке қайтарылды
binding-demand = қажеттілік
binding-local-content = қазақстандық кадрлар үлесі
binding-ceiling = квота шегі
binding-none = жоқ
binding-no-justified-demand = негізделген қажеттілік жоқ
binding-amendment = бұйрыққа өзгеріс
binding-minimum-coverage = ең аз қамту
kandas-why = { $region }: тапшылық { $gap } адам (жоғары білімді { $higher }, техникалық және кәсіптік білімді { $vocational }, жалпы орта білімді { $general }); келушілердің біліміне { $weight } жұмыс істейтін адам сәйкес келеді; { $families } отбасы ({ $persons } адам){ $how }{ $alt }
kandas-why-share = {" "}өңірдің { $families } отбасыдағы үлесі бойынша
kandas-why-capped = , шектелген: { $binding } ({ $cap })
kandas-why-order = { $region }: { $year } жылғы өңірлік квота туралы бұйрықта адам саны: { $prev }; { $families } отбасы ({ $persons } адам){ $how }{ $alt }
kandas-why-alt-order = ; { $year } жылғы бұйрықтың үлестері бойынша отбасы саны: { $alt }
kandas-why-alt-shortage = ; келушілердің біліміне сәйкес тапшылық бойынша (жұмыс істейтіндер: { $weight }, негізі: { $basis }) отбасы саны: { $alt }
kandas-why-alt-shortage-none = ; тапшылық бойынша бөлу анықталмаған: ешбір белгіленген өңірде келушілер жаба алатын тапшылық жоқ
binding-job-capacity = жұмыс орындарының сыйымдылығы
binding-housing-capacity = тұрғын үй сыйымдылығы

## Ұяшықтың бағасы неге осындай (тапшылық негіздемесі)

reason-too-small = жұмыспен қамтылғандар { $employed }, ұяшықты бағалау үшін қажетті { $needed } санынан аз: анықталмаған
reason-missing = анықталмаған: мына көрсеткіштер бойынша деректер жоқ: { $names }
reason-rated = { $signals }; кадрларға қажеттілік { $openings }, ішкі ұсыныс { $supply }: { $verdict }{ $level }
reason-regional = {" "}[салмақталған { $weighted } көрсеткіштің { $regional } ұяшыққа емес, бүкіл өңірге қатысты]
reason-overridden = {" "}Баға «{ $rating }» болып өзгертілді: { $reason }.
verdict-shortage = тапшылық { $gap } (индекс { $score } >= { $cutoff })
verdict-surplus = артықшылық { $gap } (индекс { $score } <= { $cutoff })
verdict-balanced-tight = теңгерім: шиеленіс белгілері бар (индекс { $score }), бірақ ішкі ұсыныс қажеттілікті жабады
verdict-balanced-slack = теңгерім: артықшылық белгілері бар (индекс { $score }), бірақ қажеттілік ішкі ұсыныстан { $gap } артық
verdict-balanced = теңгерім (индекс { $score }, { $lo } және { $hi } аралығында)
ind-national = {" "}(ел бойынша { $v })
ind-vacancy-rate = бос орындар үлесі { $v }{ $national }
ind-tightness = жұмыс іздеген бір адамға бос орындар { $v }{ $national }
ind-wage-relative = жалақы ел медианасының { $v } есесі{ $national }
ind-real-wage-growth-1y = нақты жалақы 1 жылда { $v }{ $national }
ind-real-wage-growth-3y = нақты жалақы 3 жылда жылына { $v }{ $national }
ind-employment-growth-3y = жұмыспен қамту 3 жылда жылына { $v }{ $national }
ind-unemployment-rate = өңірдегі жұмыссыздық { $v }{ $national }
ind-vacancy-persistence = соңғы 3 жылдың { $v } жылында бос орындар үлесі ел орташасынан жоғары{ $national }
ind-informal-share = бейресми жұмыспен қамту { $v }{ $national }
ind-net-migration-rate = таза ішкі көші-қон жылына 1 000 адамға { $v }{ $national }
ind-neet-share = жұмыс істемейтін және оқымайтын жастар { $v }{ $national }
ind-name-vacancy-rate = бос орындар үлесі
ind-name-tightness = еңбек нарығының шиеленісі
ind-name-wage-relative = салыстырмалы жалақы
ind-name-real-wage-growth-1y = нақты жалақының 1 жылдағы өсуі
ind-name-real-wage-growth-3y = нақты жалақының 3 жылдағы өсуі
ind-name-employment-growth-3y = жұмыспен қамтудың 3 жылдағы өсуі
ind-name-unemployment-rate = жұмыссыздық деңгейі
ind-name-vacancy-persistence = бос орындардың тұрақтылығы
ind-name-informal-share = бейресми жұмыспен қамту үлесі
ind-name-net-migration-rate = таза ішкі көші-қон
ind-name-neet-share = жұмыс істемейтін және оқымайтын жастар үлесі

## Диаграммалар

chart-quota-by-region = Шетелдік жұмыс күшін тартуға арналған квота өңірлер бойынша (рұқсаттар)
chart-fans = Жұмыспен қамтылғандар болжамы, 80 % және 95 % аралықтарымен (адам)
chart-fan-panel = { $region }, { $section } { $section_name }: жұмыспен қамтылғандар
chart-compare = { $b } сценарийі минус { $a }, өңірлер бойынша
chart-compare-quota = шетелдік жұмыс күшіне квота (рұқсаттар)
chart-compare-gap = кадр тапшылығы (адам)
chart-map-credit = Карта деректері © OpenStreetMap қатысушылары, ODbL
chart-heatmap = Өңірлер мен ЭҚЖЖ секциялары бойынша тапшылық индексі (жиектелгені: тапшылық)

## Есеп

report-title = kvota есебі: { $scenario } ({ $year })
report-intro = { $title }. Есептеу <code>{ $run }</code>, деректер { $year } жылға дейін, kvota { $version }.
report-charts = Диаграммалар
report-overrides = Жоспарлаушы шешімдері
report-no-overrides = Жоспарлаушы ереже бойынша алынған бағаларды өзгертпеді.
report-warnings = Деректер туралы ескертулер
report-none = Жоқ.
basis-heading = Сандар неге негізделген
basis-requests = <b>Шетелдік жұмыс күшін тартуға арналған квота жұмыс берушілер өтінімдерінің { $lines } жолы бойынша есептелді; деректер негізі: { $evidence }</b> («Жұмыс берушілердің өтінімдері» бөлімі).
basis-requests-synthetic = <b>Шетелдік жұмыс күшін тартуға арналған квота жұмыс берушілер өтінімдерінің { $lines } жолы бойынша есептелді; деректер негізі: { $evidence }</b>: бұл нақты өтінімдер емес, жарияланған бұйрықтарға калибрленген демонстрациялық кесте; оның бұйрықтардағы санаттармен, өңірлік квоталармен және салалық құрылыммен сәйкес келуі ештеңені дәлелдемейді («Жұмыс берушілердің өтінімдері» бөлімі).
basis-shares = Бөлінген квотаның негізіндегі кадрларға қажеттіліктің <b>{ $open_syn }</b> синтетикалық мәндерге, { $open_est } бағалауларға сүйенеді; оған қарсы қойылған ішкі ұсыныстың { $supply_syn } синтетикалық мәндерге сүйенеді. Тапшылық индексінің салмағының { $score_syn } синтетикалық, { $score_est } бағаланған көрсеткіштерге тиесілі. Өз ұяшығының ең әлсіз негізі бойынша бөлінген рұқсаттар мыналарға сүйенеді: { $grades }.
basis-moved = Ресми статистика болып табылмайтын және квотаға әсер еткен бастапқы деректер:
basis-kandas-order = <b>Қандастар квотасы { $year } жылғы өңірлік квота туралы бұйрықтың үлестеріне сәйкес бөлінген</b> (ресми деректер); модельдік тапшылық бойынша бөлу (ұяшықтар: { $grade }) қатар берілген, ол бойынша басқа өңірлерге ауысатын отбасы саны: { $moved } («Қандастар квотасы» бөлімі, <code>quota_kandas.parquet</code>: families_shortage).
basis-kandas-order-alone = <b>Қандастар квотасы { $year } жылғы өңірлік квота туралы бұйрықтың үлестеріне сәйкес бөлінген</b> (ресми деректер); модельдік тапшылық бойынша бөлу анықталмаған: ешбір белгіленген өңірде келушілер жаба алатын тапшылық жоқ.
basis-kandas-shortage = <b>Қандастар квотасы модельдік тапшылық бойынша бөлінген (ұяшықтар: { $grade })</b>{ $alt }.
basis-kandas-alt-order = ; { $year } жылғы бұйрықтың үлестері бойынша (ресми деректер) басқа өңірлердегі отбасы саны: { $moved }
basis-footer = Шығыс кестелердің әр жолында оның негізділік деңгейі мен осы үлестер бар (<code>shortage.parquet</code>, <code>quota_foreign.parquet</code>); оларды нақты кестелермен қалай алмастыру керектігі <code>data/build/sources.toml</code> файлында жазылған.
skill-intro = Болжамдар осы панельдің өз тарихында қалай нәтиже берді: { $model } және кездейсоқ кезу әр қатарды соңғы { $origins } бастапқы нүктенің әрқайсысынан (болжам көкжиегі, жыл: { $h }) { $from }-{ $to } жылдарға болжады. Орташа MASE — қатардың өз бір жылдық орташа өзгерісінің бірлігімен өлшенген қате (неғұрлым аз болса, соғұрлым жақсы; модельдің MASE-і кездейсоқ кезудікінен төмен болған жерде модель пайдалы). Бағаланған және синтетикалық бағандарда бұл әдісті шындықпен емес, мәндердің қалай жасалғанымен салыстырады.
skill-intervals = Интервалдардың қамтуы: кейінгі нақты мәндердің прогонның 80 және 95 пайыздық интервалдарына түскен үлесі; интервалдар әр бастапқы нүктеде осы прогон калибрлейтіндей калибрленген. Үлестер 80 % және 95 %-ға жақын болса, осы есептің белгісіздік ауқымдарын (<code>uncertainty.parquet</code>, желпуіш графиктер) сол күйінде қабылдауға болады; едәуір төмен болса — олар тым тар; едәуір жоғары болса — тым кең.
skill-uncalibrated = { $origins } бастапқы нүктенің { $n }-інде калибрлеуге жететіндей ұзын қатарлар тым аз болды; онда модельдің өз интервалдары бағаланды.
th-cov80 = 80 пайыздық интервалдың ішінде
th-cov95 = 95 пайыздық интервалдың ішінде
th-forecasts = болжамдар
th-mase-model = модельдің MASE-і
th-mase-naive = кездейсоқ кезудің MASE-і
th-input = деректер
th-basis = негізі
th-role = рөлі
th-share-behind = квотадағы үлесі
th-how-made = қалай алынған
requests-heading = Жұмыс берушілердің өтінімдері
requests-synthetic = <b>Бұл өтінімдер — синтетикалық демонстрациялық кесте</b> (<code>data/build/demo_requests.toml</code>): олардың жиынтығы бұйрықтағы санаттар мен маусымдық жұмыскерлер сандарына, секциялар бойынша шетелдік жұмыскерлер санына және жарияланған өңірлік квоталарға калибрленген, сондықтан есептің осы сандармен сәйкес келуі калибрлеуден туады және ештеңені дәлелдемейді. Төменде белгі қойылған жұмыс берушілердің арасында тексеру үшін әдейі енгізілген жағдайлар бар.
requests-user = Өтінімдер пайдаланушы берген кестеден алынды ({ $evidence }).
requests-body = Өтінім жолдары: { $lines }, жұмыс берушілер: { $employers }; 1–4 санаттардағы және маусымдық жұмыскерлерден сұралғаны: { $workers }; ережелер бойынша тексерілгеннен кейін негізделгені: { $justified }, квотаға енгені: { $quota }. Мақұлданған жолдар: { $approved }, қысқартылғаны: { $reduced }, қабылданбағаны: { $rejected }; квотадан тыс корпоративішілік ауыстыру: { $ict }. Әр жол бойынша шешім, ережелер мен белгілер — <code>requests_vetted.parquet</code> файлында.
flags-heading = Белгі қойылған жұмыс берушілер
flags-body = Жұмыс берушілер туралы белгілердің барлығы: { $all } (орташа және жоғары маңыздылығы барлары: { $serious }, олар осында, ең маңыздылары алдымен берілген; барлығы <code>employer_flags.parquet</code> файлында). Сәйкестендіргіштер бүркеншік.
flags-more = ... және тағы { $more } <code>employer_flags.parquet</code> файлында.
th-employer = жұмыс беруші
th-flag = белгі
th-severity = маңыздылығы
th-evidence = негіздеме
projects-heading = Жобалар бойынша квота
th-project = жоба
th-request-lines = өтінім жолдары
th-workers-asked = сұралған жұмыскерлер
th-quota = квота
reality-heading = Жарияланған шешімдермен салыстыру
reality-nothing = { $year } жылға kvota-да бар жарияланған шешімдер жоқ (<code>data/reference/</code>, бұйрықтар <code>data/params/</code> ішінде).
reality-body = Үлестірімдер арасындағы қашықтық — Дункан индексі: үлестер айырмаларының модульдері қосындысының жартысы (0 — құрылымы бірдей, 1 — мүлде сәйкес емес). kvota сол жарияланымнан алған сан <b>калибрленген</b> деп белгіленген: ол бойынша сәйкестік ештеңені дәлелдемейді. Модель бұл қашықтықтарға бейімделмейді.
th-measure = көрсеткіш
th-item = элемент
th-kvota = kvota есебі
th-published = жарияланғаны
th-kvota-share = есептегі үлесі
th-published-share = жарияланған үлесі
th-distance = қашықтық
th-calibrated = калибрленген
th-note = ескертпе
summary-heading = Қорытынды
summary-ceiling = { $year } жылға шетелдік жұмыс күшін тартуға арналған квота — <b>{ $ceiling }</b> рұқсат: { $lf_year } жылғы жұмыс күші санының ({ $lf } адам) { $pct } %. Резервте { $reserve }; <b>{ $distributed }</b> рұқсат тапшылық ұяшықтарына бөлінді, негізделген қажеттілік { $justified } ({ $method }).
summary-categories = Жұмыскерлер санаттары бойынша: { $list }.
summary-kandas = Қандастарды қоныстандыру: <b>{ $families }</b> отбасы ({ $persons } адам), қоныстандыру үшін айқындалған { $regions } өңірде; шығыстар { $budget } теңге бюджеттің { $cost } (бюджет — сценарийдің жоспарлау болжамы, жарияланған сан емес).
summary-uncertainty = Белгісіздік (болжамдардың аралықтары ішіндегі { $draws } іріктеме, seed { $seed }): негізделген қажеттілік { $d10 } бастап { $d90 } дейін (P10–P90, медианасы { $d50 }); бөлінгені { $q10 } бастап { $q90 } дейін. Ұяшықтар бойынша шашырау — <code>uncertainty.parquet</code> файлында.
summary-uncertainty-independent = Іріктемелер қатарлар арасында тәуелсіз, сондықтан жиынтықтардың ауқымы көп қатарға ортақ күйзеліс беретін ауқымнан тар.
summary-uncertainty-apart = Есептің өз негізделген сұранысы, { $point }, осы аралықтан тыс жатыр: ойнатуларда барлық ұяшық есептегідей бағаланбайды. Ең үлкен айырма — { $cell }: есеп оны «{ $rating }» деп бағалайды (квота { $quota }); ойнатулар оны { $surplus } жағдайда артық, { $shortage } жағдайда тапшы деп бағалайды, квотаның медианасы { $p50 } (P10-P90: { $p10 } – { $p90 }). Болжамдардың шашырауы жиі өзгертетін бағаны жоспарлаушы шешеді; бұл дәл сан емес.
summary-uncertainty-common = Әр шама қатарларының іріктемелері ортақ күйзелісті бөліседі, оның корреляциясы осы іске қосудың болжамдарды тексеруі бір жылдың қателері бойынша өлшегендей (шамалар бойынша { $lo } бастап { $hi } дейін; бес тексеру жылы оны шамамен ғана өлшейді).
summary-uncertainty-coverage = Іріктемелер болжамдардың 80 пайыздық интервалдарына сүйенеді; осы іске қосудың болжамдарды тексеруінде олар кейінгі мәндердің { $lo } бастап { $hi } дейінгі үлесін қамтыды, шамалар бойынша (жоғарыдағы кесте); бұл 80 %-дан едәуір төмен болған жерде бұл ауқымдар тым тар.
summary-uncertainty-coverage-observed = Бақыланатын қатарларда (ресми немесе пайдаланушы берген) олар { $lo } бастап { $hi } дейінгі үлесін қамтыды.
summary-uncertainty-correlation = Осы іске қосудың болжамдарды тексеруінде бір жылдың қателері бір шаманың қатарлары арасында { $lo } бастап { $hi } дейінгі деңгейде корреляцияланды; { $variable } үшін ({ $basis }; { $n } қатар, корреляция { $rho }) олардың қосындысының шашырауы тәуелсіз іріктемелер беретін шашыраудан шамамен { $factor } есе үлкен болар еді.
summary-cells = «Өңір × секция» ұяшықтары: { $list }.
shortages-heading = Ең үлкен тапшылықтар
th-region = өңір
th-section = секция
th-gap = тапшылық (адам)
th-why = негіздеме
quotas-heading = Өңірлер бойынша квоталар
th-code = коды
th-foreign-quota = шетелдік жұмыс күшіне квота
th-kandas-families = қандас отбасылары
th-kandas-persons = қандастар, адам
kandas-why-heading = Қандастар квотасы: өңірге неге сонша отбасы
params-heading = Әдістер мен параметрлер
params-body = Әдістер: kvota { $version } <code>docs/methods.md</code>. Пайдаланылған күндерде қолданыста болған параметрлер, нормативтік актілерге сілтемелерімен:
th-parameter = параметр
th-value = мәні
th-unit = бірлігі
th-in-force = қолданысқа енген күні
th-status = мәртебесі
th-reference = дереккөзі

## Бұйрық жобасы және қосымша

order-draft-mark = kvota есептеген ЖОБА (есептеу { $run }, сценарий { $scenario }). Қабылданған акт емес: министрліктің заңгері тексеріп, өңдейді.
order-authority = Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің бұйрығы
order-title = Қазақстан Республикасына шетелдік жұмыс күшін тартуға арналған { $year } жылға квотаны белгілеу туралы
order-place-date = Астана қаласы, { $date }
order-preamble = { $basis } сәйкес БҰЙЫРАМЫН:
order-point-ceiling = 1. Қазақстан Республикасына шетелдік жұмыс күшін тартуға арналған { $year } жылға квота жұмыс күші санының ({ $lf_year } жылы { $lf } адам) { $pct } % мөлшерінде, яғни { $ceiling } адам болып белгіленсін.
order-point-distribution = 2. Квотаның { $distributed } адамы облыстар, республикалық маңызы бар қалалар және астана арасында жұмыскерлер санаттары бойынша осы бұйрыққа 1-қосымшаға сәйкес бөлінсін; { $reserve } адам резервті құрайды.
order-point-ict = Корпоративішілік ауыстыру шеңберіндегі жұмыскерлер квотадан тыс тартылады.
order-point-kandas = 3. Қандастарды қоныстандыру үшін айқындалған өңірлерге { $year } жылға өңірлік квота осы бұйрыққа 2-қосымшаға сәйкес { $families } отбасыны ({ $persons } адам) құрайды.
order-point-basis = Сандардың негізі: { $basis }. Редакциясы: { $edition }, { $edition_date }.
order-point-force = 4. Осы бұйрық { $date } бастап қолданысқа енгізіледі.
order-basis-requests = жұмыс берушілер өтінімдерінің бір-бірлеп тексерілген жолдары ({ $evidence })
order-basis-gap = өтінімдер емес, модельденген кадр тапшылықтары ({ $evidence })
order-basis-both = шетелдік жұмыс күшінің квотасы үшін — { $foreign }; қандастар квотасы үшін — { $kandas }
order-basis-kandas-order = { $year } жылғы өңірлік квота туралы бұйрықтың үлестері ({ $evidence })
order-basis-kandas-shortage = келушілер жаба алатын модельденген кадр тапшылығы ({ $evidence })
order-signature = Қазақстан Республикасының Еңбек және халықты әлеуметтік қорғау министрі
order-annex1-title = Бұйрыққа 1-қосымша. { $year } жылға шетелдік жұмыс күшін тартуға арналған квота өңірлер және жұмыскерлер санаттары бойынша (адам)
order-annex2-title = Бұйрыққа 2-қосымша. { $year } жылға қандастарды қабылдаудың өңірлік квотасы
order-th-no = Р/с №
order-th-region = Облыс, республикалық маңызы бар қала, астана
order-th-total = Барлығы
order-th-families = Отбасы
order-th-persons = Адам
order-total-row = Қазақстан Республикасы бойынша барлығы
order-html-note = Бұйрық жобасының басып шығаруға арналған нұсқасы (A4). Дәл сол мәтін қасындағы .docx файлында.

## Командалық жол (сандар бөлгішсіз, көшіріп алуға болатындай)

cli-run-scenario = сценарий { $scenario } ({ $run }), жоспарлы жыл { $year }
cli-run-basis = деректер негізі: квотаның негізіндегі кадрларға қажеттілік — синтетикалық { $open_syn }, бағалау { $open_est }; ішкі ұсыныс — синтетикалық { $supply_syn }; индекс салмағы — синтетикалық { $score_syn }, бағалау { $score_est } (есеп, «Сандар неге негізделген» бөлімі)
cli-run-requests = жұмыс берушілердің өтінімдері ({ $evidence }): жолдар { $lines }, жұмыс берушілер { $employers }, сұралғаны { $workers }, негізделгені { $justified }; мақұлданған жолдар { $approved }, қысқартылғаны { $reduced }, қабылданбағаны { $rejected }, квотадан тыс корпоративішілік ауыстыру { $ict }; жұмыс берушілер туралы белгілер { $flags } (requests_vetted.parquet, employer_flags.parquet)
cli-run-ceiling = шетелдік жұмыс күшіне квота: шегі { $ceiling } ({ $lf_year } жылғы { $lf } жұмыс күшінің { $pct } %), резерв { $reserve }, бөлінгені { $distributed }, негізделген қажеттілік { $justified }
cli-run-categories = {"  "}санаттар бойынша: { $list }; әдіс { $method }
cli-category-seasonal = маусымдық
cli-run-amendments = {"  "}өзгерістер: { $n }; { $id } редакциясы: шегі { $ceiling }, бөлінгені { $distributed }, резерв қалдығы { $reserve }
cli-run-issued = {"  "}берілген рұқсаттар { $issued }: пайдаланылуы { $pct }
cli-run-kandas = қандастар квотасы: отбасы { $families }, адам { $persons }, өңір { $regions } (шығыстар сценарийдің { $budget } теңге бюджетінің { $cost }, жоспарлау болжамы{ $capped }){ $split }
cli-run-kandas-capped = ; бюджет { $funded } отбасыны қаржыландыра алады, бірақ өңірлер { $families } отбасы қабылдай алады
cli-run-kandas-by-order = ; { $year } жылғы бұйрықтың үлестері бойынша бөлінген (ресми деректер)
cli-run-kandas-by-shortage = ; модельдік тапшылық бойынша бөлінген (ұяшықтар: { $grade })
cli-run-cells = ұяшықтар: { $list }
cli-run-reality = { $year } жылғы жарияланған деректермен салыстыру: Дункан қашықтығы { $list } (reality.parquet)
cli-measure-category = санаттар
cli-measure-region = өңірлер
cli-measure-section = секциялар
cli-measure-kandas-region = қандастар өңірлер бойынша
cli-measure-kandas-region-shortage = қандастар өңірлер бойынша тапшылықпен
cli-calibrated = (калибрленген)
cli-by-previous-order = ({ $year } жылғы бұйрық көшірілген)
cli-warning = ескерту: { $text }
cli-run-wrote = { $dir } ішіне { $n } файл жазылды

## Summaries of kvota scenario run / compare, select and contract (figures without separators)

cli-batch-line = { $id } шетелдік жұмыс күшінің квотасы { $distributed }, шегі { $ceiling }; қандастар { $families } отбасы; тапшы ұяшықтар { $shortage }
cli-batch-wrote = { $dir } ішіне { $n } сценарий жазылды
cli-compare-head = { $a } және { $b }: { $cells } ұяшықтың { $changed } ұяшығы өзгеше
cli-compare-totals = барлығы: тапшылық { $gap_a } -> { $gap_b }, шетелдік жұмыс күшінің квотасы { $quota_a } -> { $quota_b }, қандас отбасылары { $families_a } -> { $families_b }
cli-compare-wrote = { $stem }.parquet, .csv және .svg жазылды (өңірлер бойынша айырмашылықтар)
cli-col-region = өңір
cli-col-section = секц
cli-col-rating-a = баға A
cli-col-rating-b = баға B
cli-col-gap-a = тапшылық A
cli-col-gap-b = тапшылық B
cli-col-quota-a = квота A
cli-col-quota-b = квота B
cli-select-summary = өтініш берушілер { $n }: { $counts }; квота ұяшықтары { $cells }
cli-col-route = бағыт
cli-col-stage = кезең
cli-col-entered = кірді
cli-col-passed = өтті
cli-col-rejected = қабылданбады
cli-col-invalid = жарамсыз
cli-outcome-invalid = жарамсыз
cli-outcome-rejected = қабылданбады
cli-outcome-eligible = рұқсат етілді
cli-outcome-selected = іріктелді
cli-outcome-waitlisted = күту тізімінде
cli-contract-summary = { $date } күнгі отбасылар: { $n }; { $statuses }
cli-contract-amounts = берешек { $owed } теңге; қолданыстағы шарттар бойынша күтілетін қайтарымдар { $expected } теңге; шарт мерзіміндегі сақталу { $retention } %
cli-status-not-started = басталмаған
cli-status-in-force = қолданыста
cli-status-fulfilled = орындалды
cli-status-breached = бұзылды
cli-backtest-head = қатар { $series }, пайдаланылғаны { $used }, көкжиек { $horizon }, әр қатарға { $origins } бастапқы нүктеге дейін
cli-col-model = үлгі
cli-col-forecasts = болжам
cli-col-calibrated = калибрлеу
cli-backtest-calibrated = { $origins } ішінен { $n }
cli-backtest-calibrated-note = калибрлеу: интервалдары қатарлар бойынша `kvota forecast` калибрлейтіндей калибрленген бастапқы нүктелер; басқаларында және --no-calibrate кезінде — модельдердің өз интервалдары
cli-skipped = өткізілді { $id }: { $reason }

cli-forecast-head = { $series } қатардың { $done } қатарына { $model } үлгісімен болжам жасалды (қарапайым үлгіге ауысқаны: { $fallbacks }), көкжиек { $horizon }
cli-forecast-calibrated = интервалдар { $series } қатардың { $holdouts } тексеру терезесі бойынша калибрленді (жылжымалы бастапқы нүктелер)
cli-forecast-too-few = интервалдар: үлгінің өз интервалдары (тексеру терезесіне жететін ұзын қатарлар { $min }-ден аз)
cli-forecast-no-calibrate = интервалдар: үлгінің өз интервалдары (--no-calibrate)
cli-forecast-skipped = өткізілген қатарлар: { $n } (себептері { $path } файлында)
cli-wrote = жазылды: { $path }
skip-duplicate-period = { $period } кезеңі қайталанады
skip-gap = үзіліс: { $after } мен { $before } арасында мән жоқ
skip-no-values = сандық мәндер жоқ
skip-missing-value = { $period } үшін мән жоқ
skip-too-short-backtest = бақылаулар { $values }: { $horizon } қадамға ретроспективті тексеру үшін тым аз
skip-model-too-short = қатар тым қысқа: { $model } үлгісіне кемінде { $need } бақылау керек, бары { $got }
skip-model-non-finite = қатардың { $position } орнындағы мән жоқ немесе сан емес
skip-model-failed = үлгіні бағалау мүмкін болмады: { $detail }

## kvota ingest, validate, apportion and dataset build (the lines under the labels are the library's, in English)

cli-ingest-rows-read = оқылған жолдар
cli-ingest-rows-normalised = келтірілген жолдар
cli-ingest-flagged = белгілі ұяшықтар
cli-ingest-split = өңірдің бөлінуі
cli-ingest-gap = үзіліс
cli-ingest-skipped = өткізілді
cli-ingest-footnote = ескертпе
cli-ingest-problem = қате
cli-ingest-wrote = { $path } файлына { $n } жол жазылды
cli-validate-file = { $path }: { $rows } жол
cli-validate-ok = дұрыс
cli-validate-valid = қатесіз тексерілді: { $n } файл
cli-validate-problems = { $files } файлда { $problems } қате
cli-apportion-wrote = { $seats } орын { $units } бірлікке бөлінді; { $path } жазылды
cli-apportion-tie = { $house } орын кезінде теңдік шешілді: { $units } арасында { $seats } орын
cli-dataset-note = ескертпе: { $text }

## Why an applicant is invalid, rejected or waitlisted (decisions.reason)

sr-invalid = өтінім оқылмады: { $text }
sr-missing-answer = { $row }-жол: `{ $stage }` кезеңіне қажет `{ $field }` жауабы жоқ
sr-below-minimum = { $stage }: `{ $field }` { $value } ең төменгі { $min } мәнінен төмен
sr-not-below-limit = { $stage }: `{ $field }` { $value } { $limit } шегінен төмен емес
sr-not-passed = { $stage }: өтпеді
sr-below-pass-mark = { $stage }: { $points } балл, өту балы { $pass } мәнінен төмен
sr-no-region = `{ $route }` бағытының квоталары өңірлер бойынша, ал өтінімде өңір көрсетілмеген
sr-no-section = `{ $route }` бағытының квоталары салалар бойынша, ал өтінімде сала көрсетілмеген
sr-no-quota = ұяшыққа квота жоқ
sr-rank = квотаның { $slots } орнына { $of } ішінен { $rank }-орын


## Progress on a terminal (the stages of long work)

progress-loading = параметрлер мен панель жүктелуде
progress-rating = тапшылық бағалануда
progress-allocating = квоталар бөлінуде
progress-simulating = белгісіздік модельденуде
progress-writing-outputs = нәтижелер жазылуда
progress-writing-report = есеп жазылуда
progress-forecasting = болжам жасалуда


## The checks kvota validate lists per panel file

check-region-years = 20 өңір x { $years } жыл ({ $first }-{ $last }), кілттер қайталанбайды
check-labour-identities = жұмыспен қамтылғандар <= жұмыс күші <= халық; жұмыссыздар = жұмыс күші - жұмыспен қамтылғандар
check-cell-keys = 20 өңір x { $n } секция ({ $sections }) x { $years } жыл, кілттер қайталанбайды
check-cell-sum = секциялар бойынша жұмыспен қамту өңірдің жұмыспен қамтуына қосылады (ең үлкен алшақтық { $gap } %)
check-national-sum = панельдің әр жылына бір жол; ел бойынша жұмыспен қамту = өңірлердің қосындысы
check-age-shares = әр өңірге бір жол; үлестердің қосындысы 1
check-source-map = дереккөздер картасы: { $columns } баған сипатталған (ресми { $official }, бағаланған { $estimated }, синтетикалық { $synthetic }, жүктелген { $ingested })
check-volume-indices = панельдің әр секциясы мен жылы бір реттен; нақты көлем индекстері рұқсат етілген шекте
check-skill-shares = панельдің әр секциясына бір жол; үлестердің қосындысы 1
check-indicators = ресми өңірлік көрсеткіштер; барлық өңірді қамтитын панель жылдары: { $years } ішінен { $covered }

## Warnings (the manifest keeps the English text)

warn-unverified-parameter = { $name } параметрі дереккөзбен салыстырылмаған мәнді пайдаланады ({ $reference })
warn-no-reference = жарияланған шешімдер қалтасы { $path } жоқ: есептеу жарияланған шешімдермен салыстырылмайды
warn-issued-above-quota = { $file }: ({ $region }, { $section }, { $category }) бойынша { $quota } квотасынан тыс { $issued } рұқсат берілген
warn-cell-sum-gap = { $cell_file }: секциялар бойынша жұмыспен қамтылу { $region_file } файлынан { $pct } %-ға дейін өзгеше ({ $worst })
warn-national-differs = { $file }: { $year } жылы ел бойынша жұмыспен қамтылғандар { $national } өңірлер қосындысына { $sum } тең емес
warn-data-cut = деректер { $year } жылмен шектелген: панельдің кейінгі жылдары пайдаланылмайды
warn-forecast-no-better-than-naive = { $file } { $variable }: осы іске қосудың болжамдарды тексеруінде модельдің MASE-і { $mase } кездейсоқ кезудікінен ({ $naive }) төмен емес; осы бақыланатын шаманың болжамдары соңғы мәнді көшіруден жақсы болмады
warn-intervals-too-narrow = { $file } { $variable }: осы іске қосудың болжамдарды тексеруінде калибрленген 80 және 95 пайыздық интервалдар кейінгі мәндердің тек { $cov80 } % және { $cov95 } %-ын қамтыды; осы бақыланатын шаманың белгісіздік ауқымдары тым тар
warn-intervals-too-wide = { $file } { $variable }: осы іске қосудың болжамдарды тексеруінде калибрленген 80 және 95 пайыздық интервалдар кейінгі мәндердің { $cov80 } % және { $cov95 } %-ын қамтыды; осы бақыланатын шаманың белгісіздік ауқымдары тым кең

## Units of the dated parameters (the report's parameter table)

unit-percent-of-labour-force = жұмыс күшінің %
unit-share = үлес (0-1)
unit-kzt = теңге
unit-kzt-per-mci = АЕК үшін теңге
unit-mci = АЕК
unit-mci-per-person = бір адамға АЕК
unit-mci-per-month = айына АЕК
unit-months = айлар
unit-years = жылдар
unit-days = күндер
unit-points = ұпайлар
unit-persons = адам
unit-region-list = өңірлер тізімі
unit-section-list = ЭҚЖЖ секцияларының тізімі
unit-persons-by-category = қызметкерлер санаттары бойынша адам
unit-persons-by-region = өңірлер бойынша адам
unit-share-by-category = қызметкерлер санаттары бойынша үлес
unit-share-by-level = білім деңгейлері бойынша үлес
unit-range = аралық (ең аз, ең көп)
unit-ratio = қатынас
unit-yes-no = иә (1) немесе жоқ (0)
unit-occupation-list = ХСКЖ-08 кәсіптерінің тізімі
unit-category-by-occupation = кәсіп бойынша қызметкер санаты
unit-severity-by-flag = бұзушылық белгісі бойынша ауырлығы
unit-text-by-language = қазақ, орыс, ағылшын тілдеріндегі мәтін

## The numbers behind the integrity flags of employers' request lines (employer_flags.evidence)

fe-seasonal-outside = маусымдық жұмысшылар { $section } секциясында сұралған
fe-surplus-cell = { $region } x { $section }: «артықшылық» деп бағаланған
fe-citizens-available = { $posts } орынға лайықты азаматтар өтініш берді: { $applicants }
fe-wage-below-median = { $median } кезінде { $offered } теңге ұсынады (ХСКЖ { $major }, { $region }, { $year } жылғы қайта есептелген жалақы) және ең төменгі жалақы { $minimum }
fe-local-content = { $category } санатындағы штаттағы { $citizens } азамат шетелдік жұмысшыларға рұқсат береді: { $allowed }
fe-oversized-request = штаты { $staff } жұмыс берушіден { $workers } жұмысшы сұралған
fe-low-prior-use = өткен жылғы { $quota } квотасының { $used } пайдаланылған
fe-unknown-project = { $project } жобасына сілтеме жасайды, ол жобалар кестесінде жоқ
fe-ended-project = { $project } жобасына сілтеме жасайды, ол { $end } аяқталған
fe-no-posting = бос орын электрондық еңбек биржасында орналастырылмаған
fe-late-posting = { $posting } бос орны { $posted }, { $submitted } өтінімнен { $days } күн бұрын (кемінде { $needed } қажет)
fe-elementary-occupation = { $occupation } кәсібі — біліктілікті қажет етпейтін жұмыс, мәлімделген санат { $declared }
fe-other-category = { $occupation } кәсібі { $derived } санатына жатады, мәлімделгені { $declared }
fe-not-seasonal-work = { $occupation } кәсібіне маусымдық өтінім, маусымдық ауыл шаруашылығы жұмысы емес
fe-shared-posting = { $posting } бос орнына { $employers } жұмыс берушілері сілтеме жасайды
fe-linked-employers = { $employers } жұмыс берушілерінің басшысы немесе мекенжайы ортақ және бірге { $region } өңірінде { $workers } жұмысшы сұрайды, ХСКЖ тобы { $isco } (штаттағы азаматтар: { $citizens })
fe-roll-many = өтінімдер: { $n }; { $first }

## What a comparison with the published decisions shows (reality.note)

rn-ceiling-legal = kvota шегі — заңдағы параметр, яғни жарияланған санның өзі
rn-ceiling-overridden = сценарий заңдағы шекті ауыстырады
rn-distributed = жарияланған сан — бұйрықтың бірінші редакциясы (1-4 санаттар және маусымдық); kvota-да — шек ішіндегі негізделген қажеттілік
rn-categories = бұйрық атап көрсететін санаттар бойынша ({ $list })
rn-categories-order-shares = kvota өз квотасын осы бұйрықтың үлестері бойынша бөледі, сондықтан сәйкестік ештеңені дәлелдемейді
rn-categories-calibrated = өтінімдер осы бұйрықтың санаттар қорытындысына калибрленген, сондықтан сәйкестік ештеңені дәлелдемейді
rn-regions = бұйрықтың бірінші редакциясы дереккөзде өңірлерді атайды: { $n }; { $total } адамның қалғаны — «басқалар»
rn-stock = жарияланған: { $date } жағдай бойынша рұқсаты бар шетелдік жұмысшылар саны (квота емес, құрылым: жарияланған ең жақын салалық бөлініс); аталмаған секциялар — «басқалар»
rn-kandas = адам
rn-kandas-calibrated = адам; сценарийдің бюджеті жарияланған қорытынды бойынша белгіленген, сондықтан қорытынды ештеңені дәлелдемейді
rn-kandas-by-order = kvota { $year } жылғы бұйрықтың үлестері бойынша бөледі, сондықтан қашықтық еңбек нарығы моделін емес, бұйрықтардың қаншалықты өзгергенін көрсетеді
rn-kandas-by-shortage = адам; модельдік тапшылық бойынша бөлу квотамен қатар (квота емес): еңбек нарығы моделі бұйрықтан қаншалықты алыс
rn-undefined = kvota-да ештеңе жоқ, сондықтан құрылым анықталмаған.

## Why a request line has its quota (requests_vetted.explanation)

rl-head = { $request } ({ $employer }): жұмысшылар { $workers }, кәсіп { $occupation }, санат { $category }, { $cell }
rl-tail = негізделгені { $justified }, квота { $quota } ({ $decision })
rl-tail-ict = квотадан тыс жіберілді (КІА): { $justified }
rl-flags = Белгілер: { $list }
rl-decision-approved = мақұлданды
rl-decision-reduced = қысқартылды
rl-decision-rejected = қабылданбады
rl-decision-outside-quota = квотадан тыс
rl-closed-section = { $section } секциясы шетелдік жұмысшылар үшін жабық
rl-closed-occupation = { $occupation } кәсібі (ХСКЖ { $code }) шетелдік жұмысшылар үшін жабық
rl-seasonal-section = маусымдық жұмысшыларға тек ауыл шаруашылығында рұқсат етіледі, { $section } секциясында емес
rl-unrated-cell = панельде бағалауға { $cell } ұяшығы жоқ
rl-surplus-project = { $cell }: «артықшылық» деп бағаланған, бірақ өтінім қолданыстағы { $project } жобасына сілтеме жасайды
rl-surplus-cell = { $cell }: «артықшылық» деп бағаланған
rl-citizens-reject = лайықты азаматтар өтініш берді: { $applicants }
rl-citizens-reduce = лайықты азаматтар өтініш берді: { $applicants } -> { $left }
rl-wage-floor = жалақы { $wage } шектен төмен: { $floor }
rl-local-content = қазақстандық қамту { $allowed } рұқсат етеді
rl-ict-limited = КІА штаттағы { $citizens } азаматқа қарай { $allowed } дейін шектелген
rl-no-posting = бос орын биржада орналастырылмаған
rl-late-posting = бос орын өтінімнен { $days } күн бұрын орналастырылған, { $needed } емес
rl-posted-before = өтінімнен { $days } күн бұрын орналастырылған
rl-occupation-not-admitted = { $occupation } кәсібіне 1-4 санаттарда рұқсат етілмейді
rl-counted-in-category = { $category } санатында есептелді (кәсібінің санаты)
rl-ceiling-leaves = шек { $justified } ішінен { $quota } қалдырады
rl-seasonal-limit = { $limit } маусымдық лимиті { $justified } ішінен { $left } қалдырады

## Errors: the message, each cause once, and what to do next

cli-error = қате: { $text }
cli-cause = {"  "}себебі: { $text }
cli-missing = { $path }: табылмады ({ $what })
missing-scenario = сценарий файлы
missing-panel = панель қалтасы
missing-params = күні белгіленген параметрлер қалтасы
missing-data-file = сценарийдегі `[data] { $key }` файлы
cli-hint = {"  "}не істеу керек: { $text }
hint-scenario-missing = сценарий файлының жолын көрсетіңіз: --scenario FILE (ағымдағы қалтаға қатысты); kvota ішіне енгізілгендері: { $builtin }
hint-panel-missing = панель қалтасын көрсетіңіз: --data DIR, немесе сценарийде [data] panel мәнін беріңіз (ондағы жол сценарий файлына қатысты)
hint-params-missing = күні белгіленген параметрлер қалтасын көрсетіңіз: --params DIR, немесе сценарийде [data] params мәнін беріңіз (ондағы жол сценарий файлына қатысты)
hint-data-file-missing = сценарийде [data] { $key } мәніне файл жолын (сценарий файлына қатысты) немесе онсыз есептеу үшін "" беріңіз
hint-file-missing = файлдың жолы мен атауын тексеріңіз
hint-input = файлды көрсетілген жерде түзетіп, қайта іске қосыңыз; kvota кіріс файлдарын өзгертпеді және ештеңе жазбады
hint-scenario = сценарий файлының осы жолын түзетіңіз; барлық кілттер, олардың мағынасы мен әдепкі мәндері scenarios/defaults/planner.toml файлында
hint-param = осы параметрді өз файлында түзетіңіз немесе басқа параметрлер қалтасын көрсетіңіз: --params DIR
hint-inconsistent = кестелерді бір-біріне сәйкестендіріп, қайта іске қосыңыз; kvota ештеңе жазбады
hint-infeasible = аталған баптаулардың бірін өзгертіп, қайта іске қосыңыз; kvota ештеңе жазбады
hint-internal = бұл кіріс деректердің емес, kvota-ның қатесі: пәрменді және кіріс файлдарды қоса хабарлаңыз

## Errors of the library: where, and what is wrong there (src/error.rs, Msg)

at-row = { $file }, { $row }-жол
at-column = { $file }, `{ $column }` бағаны
at-cell = { $file }, { $row }-жол, `{ $column }` бағаны
err-param = `{ $name }` параметрі: { $text }
err-infeasible = орындалмайды: `{ $constraint }`: { $text }
err-dataset = деректер жинағын құрастыру: { $text }
err-internal = ішкі тексеру өтпеді: { $text }
err-file-empty = файл бос
err-file-binary = файл екілік, бөлгіштері бар мәтін емес
err-not-delimited = бөлгіштері бар мәтін ретінде оқылмайды: { $detail }
err-header-only = файлда тақырып бар, бірақ деректер жолдары жоқ
err-column-unnamed = бағанның атауы бос
err-column-twice = баған тақырыпта екі рет кездеседі
err-not-parquet = Parquet файлы ретінде оқылмайды: { $detail }
err-no-rows = файлда жолдар жоқ
err-column-missing-has = міндетті баған жоқ (файлда бары: { $columns })
err-column-missing = міндетті баған жоқ
err-empty-value = мән бос; күтілетіні: { $what }
what-count = теріс емес бүтін сан
what-number = сан
err-negative-count = теріс сан { $value }
err-not-whole = `{ $value }` бүтін сан емес
err-not-number = `{ $value }` сан емес
err-not-date = `{ $value }` күн емес (ЖЖЖЖ-АА-КК)
err-oked-code = `{ $value }` ЭҚЖЖ коды емес
err-oked-division = `{ $value }`: ЭҚЖЖ-ның { $division } бөлімі жоқ
err-oked-code-or-section = `{ $value }` ЭҚЖЖ секциясының әрпі (A-U) де, 41.20 сияқты сынып коды да емес
err-oked-section = `{ $value }` ЭҚЖЖ секциясы емес (A-U бір әрпі күтіледі)
err-occupation = `{ $value }` ХСКЖ-08 кәсіп коды емес (1-ден 4-ке дейін цифр)
err-category = `{ $value }` жұмыскерлер санаты емес (1, 2, 3, 4 немесе seasonal күтіледі)
err-or-ict = немесе корпорацияішілік ауыстыру үшін ict
what-request-id = өтінім идентификаторы
what-employer-id = жұмыс берушінің бүркеншік идентификаторы
what-region-code = ISO 3166-2:KZ өңір коды
what-oked = ЭҚЖЖ секциясының әрпі немесе сынып коды
what-occupation = ХСКЖ-08 кәсіп коды
what-category = жұмыскерлер санаты (1, 2, 3, 4, seasonal) немесе ict
what-wage = теңгемен айлық жалақы
err-negative-wage = теріс жалақы { $value }
what-date = күн (ЖЖЖЖ-АА-КК)
err-evidence = `{ $value }` official, ingested, estimated, synthetic мәндерінің бірі емес
err-duplicate-request = өтінім идентификаторы қайталанады ({ $prev }-жолда да бар); өтінімнің әр жолының өз идентификаторы болуы керек
err-citizens-exceed-staff = штаттағы азаматтар { $citizens }, ал барлық қызметкер тек { $staff }; екі бағанды да тексеріңіз
err-posting-without-date = вакансия идентификаторы күнсіз; вакансияның биржада жарияланған күнін көрсетіңіз
err-used-exceeds-quota = { $quota } квотадан { $used } рұқсат пайдаланылған; пайдаланылғаны квотадан аспауы керек
what-project-id = жоба идентификаторы
what-project-status = planned, active немесе finished
err-project-status = `{ $value }` жоба мәртебесі емес (planned, active, finished)
err-duplicate-project = жоба идентификаторы қайталанады ({ $prev }-жолда да бар)
err-project-ends-first = жоба басталмай ({ $start }) тұрып аяқталады ({ $end })
what-region-name = өңір атауы
err-wage-positive = жалақы оң болуы керек
err-category-or-ict = `{ $value }` жұмыскерлер санаты емес (1, 2, 3, 4 немесе seasonal күтіледі) және ict (корпорацияішілік ауыстыру) емес
err-region-empty = өңір атауы бос
err-region-code = `{ $value }` қазіргі не бұрынғы өңірдің ISO 3166-2:KZ коды емес
err-region-unknown = белгісіз өңір атауы `{ $value }`
err-region-ambiguous = `{ $value }` өңір атауы екіұшты: ол { $areas } болуы мүмкін; қайсысы екенін `city` не `region` деп жазыңыз
err-region-not-current = `{ $value }` — { $area }, қазіргі 20 өңірдің бірі емес
err-region-closest = ең жақын белгілі атаулар: { $names }
word-or = немесе
cfg-id = `{ $value }` бос болмауы керек және тек әріптерден, цифрлардан, - және _ таңбаларынан тұруы керек
cfg-target-year = { $value } 2000..2100 аралығынан тыс
cfg-draws = { $value } сынама: 100000-нан аспауы керек
cfg-backtest-origins = { $value } бастапқы нүкте: 20-дан аспауы керек
cfg-common-shocks = ортақ күйзелістердің корреляциясын іске қосудың ретроспективалық тексеруі өлшейді; [forecast] backtest_origins мәнін 0-ден үлкен етіңіз немесе common_shocks = false қойыңыз
cfg-coverage-tolerance = { $value } тармақ: 0 мен 50 аралығында болуы керек
cfg-calibrated = `{ $value }` көрсеткіш емес (мүмкіндері: { $measures })
cfg-cutoffs = surplus_cutoff < shortage_cutoff болуы керек (берілгені { $surplus } және { $shortage })
cfg-output-growth = { $section } секциясы: жылына { $value } % -50..100 аралығынан тыс
cfg-share = [0, 1] аралығындағы үлес болуы керек
cfg-rating = `{ $value }` бағасы shortage, balanced, surplus не undetermined емес
cfg-override-reason = { $region } / { $section } бағасын ауыстыруға себеп керек
cfg-percentage = [0, 100) аралығындағы пайыз болуы керек
cfg-non-negative-ge = >= 0 болуы керек
cfg-backtest-years = backtest_last_year-дан кейін болмауы керек
cfg-band = [{ $lo }, { $hi }] ықтималдықтар аралығы емес
cfg-factors = көбейткіштер теріс емес сандар болуы керек
cfg-first-divisor = first_divisor { $value } [1, 2) аралығынан тыс
cfg-method = белгісіз әдіс `{ $value }` (proportional немесе lp)
cfg-reserve-share = { $value } [0, 1) аралығынан тыс
cfg-ceiling = { $value } (0, 100] аралығындағы пайыз емес
cfg-min-coverage = { $value } [0, 1] аралығындағы үлес емес
cfg-needs-lp = region_capacity, section_floor, section_cap және min_coverage үшін method = "lp" керек
cfg-floor-above-cap = { $section } секциясы: төменгі шегі { $lo } жоғарғы шегінен { $hi } үлкен
cfg-amendment = `{ $id }` өзгерісі: { $text }
cfg-non-negative-amount = теріс емес сома болуы керек
cfg-at-least-one = кемінде 1 болуы керек
cfg-working-members = family_size-тан аспауы керек
cfg-non-negative = теріс болмауы керек
cfg-split = белгісіз бөлу тәсілі `{ $value }` (previous_order немесе shortage)
cfg-fan-cell = [output] fan_cells: `{ $value }` панельдің ұяшығы емес (өңір коды / секция әрпі түрінде жазыңыз, мысалы "KZ-35/P")
cfg-plain-date = `{ $value }` уақытсыз күн емес (ЖЖЖЖ-АА-КК)
err-personal-column = дербес деректерге ұқсайды; kvota тек бүркеншік идентификаторларды қабылдайды — бағанды алып тастаңыз
err-id-empty = идентификатор бос
err-id-iin = нақты ЖСН немесе БСН-ге ұқсайды (он екі цифр); kvota тек бүркеншік кілттерді қабылдайды — оны E-000123 сияқты кілтпен ауыстырыңыз
what-family-id = отбасының бүркеншік идентификаторы
what-members = отбасы мүшелерінің саны (1 немесе одан көп)
err-members = `{ $value }` отбасы мүшелерінің саны емес (1 немесе одан көп)
err-duplicate-family = отбасы идентификаторы қайталанады ({ $prev }-жолда да бар)
what-item = қолдау бабы
err-one-of = `{ $value }` мына мәндердің бірі емес: { $options }
err-no-mci = бұл күнге АЕК жоқ: { $detail }
err-not-amount = `{ $value }` теріс емес сома емес
err-amount-both = amount_mci немесе amount_kzt беріңіз, екеуін бірдей емес
err-amount-none = сома жоқ: amount_mci немесе amount_kzt беріңіз
err-payment-family = төлем отбасылар кестесінде жоқ `{ $family }` отбасына қатысты
err-move-family = көшу отбасылар кестесінде жоқ `{ $family }` отбасына қатысты
err-tie = палата мөлшері { $house } болғанда { $seats } орынға { $units } тең таласады; адам шешуі керек (немесе оларды үлкен салмаққа, одан кейін алдыңғы бірлікке беру үшін --break-ties қосыңыз)
prm-no-files = параметр файлдары (*.toml) табылмады
prm-unknown = data/params ішінде мұндай параметр жоқ
prm-unknown-close = data/params ішінде мұндай параметр жоқ; мүмкін, { $close } деп айтпақ болғансыз?
prm-not-in-force = { $date } күні күшіндегі мән жоқ; алғашқы мән { $first } күні күшіне енеді
prm-not-number = түрі { $unit }, сан емес
prm-not-regions = түрі { $unit }, өңірлер тізімі емес
prm-not-sections = түрі { $unit }, секциялар тізімі емес
prm-not-codes = түрі { $unit }, кодтар тізімі емес
prm-not-texts = түрі { $unit }, тілдер бойынша мәтін емес
prm-not-table = түрі { $unit }, кесте емес
prm-invalid-file = параметр файлында қате: { $detail }
prm-no-values = мәндері жоқ
prm-effective-date = effective `{ $value }` күн емес (ЖЖЖЖ-АА-КК)
prm-no-reference = { $effective } бастап күшіндегі мәннің құқықтық негізіне сілтеме жоқ
prm-value-effective = { $effective } бастап күшіндегі мән: { $text }
prm-dates-increase = күшіне ену күндері өсуі керек: { $later } күні { $earlier } күнінен кейін тұр
prm-expected-number = сан күтілді, табылғаны { $found }
prm-expected-regions = ISO 3166-2:KZ кодтарының тізімі күтілді
prm-expected-region-strings = өңір кодтары жол ретінде күтілді
prm-not-region-code = `{ $value }` ISO 3166-2:KZ өңір коды емес
prm-region-twice = { $value } өңірі екі рет көрсетілген
prm-expected-sections = ЭҚЖЖ секциялары әріптерінің тізімі күтілді
prm-expected-section-strings = секция әріптері жол ретінде күтілді
prm-section-twice = { $value } секциясы екі рет көрсетілген
prm-expected-table = кесте күтілді
prm-expected-codes = ХСКЖ-08 кодтарының тізімі күтілді
prm-expected-code-strings = ХСКЖ-08 кодтары жол ретінде күтілді
prm-not-isco = `{ $value }` ХСКЖ-08 коды емес (1-ден 4-ке дейін цифр)
prm-code-twice = { $value } коды екі рет көрсетілген
prm-expected-texts = мәтіндер кестесі күтілді: {"{"} kk = "...", ru = "...", en = "..." {"}"}
prm-not-language = `{ $value }` kvota жазатын тіл емес (kk, ru, en)
prm-expected-text = `{ $value }`: мәтін күтілді
prm-text-missing = `{ $value }` тіліндегі мәтін жоқ (kk, ru және en беріңіз)
prm-share = { $value } үлесі 0..1 аралығынан тыс
prm-percentage = { $value } пайызы 0..100 аралығынан тыс
prm-yes-no = { $value } 1 (иә) да, 0 (жоқ) та емес
prm-category = { $value } 1-4 жұмыскерлер санаты емес (жоқ болса 0)
prm-severity = { $value } 1 (төмен), 2 (орташа) не 3 (жоғары) дәрежесі емес
prm-negative = теріс мән { $value }
prm-shares-sum = деңгейлер бойынша үлестердің қосындысы { $sum }, 1 емес
err-more-problems = (тағы { $more } мәселе бар; `kvota validate` бәрін көрсетеді)
err-no-observations = файлдан бірде-бір бақылау оқылмады
err-duplicate-observation = қайталану: { $indicator } { $region } { $period } мына жерде де берілген: { $first }
err-region-code-empty = өңір коды бос
err-period = `{ $value }` кезең емес (2024, 2024Q3, 2024-11)
err-period-use = `{ $value }` кезең емес (2023, 2023Q2 немесе 2023-05 деп жазыңыз)
err-period-kind = `{ $value }` кезеңі { $first }-жолдағыдан басқаша жазылған; бір кестеде кезеңнің бір түрі болады
err-table-no-rows = кестеде жолдар жоқ
what-series-id = қатар идентификаторы
what-period = кезең белгісі
err-open-data-columns = (stat.gov.kz ашық деректер үлгісінде NAM, DAT, PERIOD, { $region }, { $latin }, VAL бағандары болады)
err-many-indicators = файлда { $count } көрсеткіш бар ({ $names }); --indicator оларды біреуге біріктіріп жібереді
err-indicator-empty = көрсеткіш атауы бос
err-period-label = `{ $value }` `2006 год` немесе `3 квартал 2015 г.` сияқты кезең белгісі емес
err-period-dat = `{ $value }` DAT `{ $dat }` мәніне сәйкес емес, оның соңғы айы { $month }
err-region-two-names = `{ $value }` — { $area }, ал { $column } `{ $latin }` — { $other }
scn-extends-path = `extends` басқа сценарий файлының жолы болуы керек
scn-extends-cycle = `extends` { $path } арқылы шеңбер құрайды
scn-extends-missing = `extends`: { $path } табылмады (жол осы файлдан бастап саналады)
scn-extends-id = басқасын кеңейтетін сценарийге өз `id` керек
scn-unknown-key-one-of = белгісіз кілт `{ $key }`, мыналардың бірі күтіледі: { $keys }
scn-unknown-key = белгісіз кілт `{ $key }`, күтілетіні: { $keys }
run-target-year = target_year { $target } деректердің соңғы жылынан ({ $last }) кейін болуы керек
run-skill-file = дағдылар бойынша іріктеуге панель қалтасында { $folder } { $file } керек (немесе skill_matching = false қойыңыз)
run-wage-scale = панельде кәсіптер жалақысын қайта есептеуге қажет { $year } не { $filed } жылғы елдік орташа жалақы жоқ
run-id-twice = `{ $id }` сценарий идентификаторы топтамада екі рет кездеседі
run-same-id = екі сценарийдің де идентификаторы `{ $id }`
area-republic = Қазақстан Республикасы (ел бойынша барлығы)
area-south-kazakhstan = Оңтүстік Қазақстан облысы (2018 жылға дейін) ({ $code })
what-integer = бүтін сан
err-not-integer = `{ $value }` бүтін сан емес
err-duplicate-key-row = кілт қайталанады ({ $key }): ол { $prev }-жолда да бар
err-duplicate-key = кілт қайталанады ({ $key })
pnl-employed-exceeds = employed { $employed } labour_force { $lf } мәнінен асады
pnl-unemployed = unemployed { $unemployed } labour_force - employed = { $gap } мәніне тең емес
pnl-lf-exceeds = labour_force { $lf } population { $population } мәнінен асады
pnl-no-row-region-year = { $year } жылға { $region } жолы жоқ
pnl-year-not-in = { $year } жылы { $file } ішінде жоқ
pnl-zero-wage = жұмыспен қамтылғандары бар ұяшықта жалақы нөлге тең
pnl-no-row-cell = { $year } жылға { $region } / { $section } секциясы жолы жоқ
what-price-index = баға индексі (алдыңғы жыл = 100)
pnl-price-index = `{ $value }` нанымды баға индексі емес (алдыңғы жыл = 100)
pnl-duplicate-year = { $year } жылы қайталанады
pnl-no-row-year = { $year } жылға жол жоқ
what-share = 0 мен 1 аралығындағы үлес
pnl-share = `{ $value }` 0 мен 1 аралығындағы үлес емес
pnl-age-shares = жас топтары үлестерінің қосындысы { $sum }, 1 емес
pnl-duplicate-region = { $region } өңірі қайталанады
pnl-no-row-for = { $what } үшін жол жоқ
pnl-cut = last_year { $year } панельдің жылы ({ $first }..{ $last }) болуы керек және оған дейін кемінде үш жыл болуы керек
what-section = ЭҚЖЖ секциясының әрпі
what-volume-index = алдыңғы жылға % түріндегі нақты көлем индексі
pnl-volume-index = `{ $value }` 10 мен 400 аралығындағы нақты көлем индексі емес (алдыңғы жылға %)
pnl-no-row-section-year = { $year } жылға { $section } секциясы жолы жоқ
pnl-shares-sum = үлестердің қосындысы { $sum }, 1 емес
pnl-duplicate-section = { $section } секциясы қайталанады
pnl-no-row-section = { $section } секциясы үшін жол жоқ
what-year = жыл
pnl-year = `{ $value }` 1990 бен 2100 аралығындағы жыл емес
pnl-years-gap = жылдар үзіліспен берілген: { $year } жылынан кейін { $next } тұр
pnl-few-years = тек { $count } жыл; болжау үшін кемінде 4 жыл керек
what-evidence = official, ingested, estimated немесе synthetic
pnl-evidence = `{ $value }` official, ingested, estimated не synthetic емес
pnl-not-evidence = official, ingested, estimated не synthetic емес
what-worker-category = жұмыскерлер санаты (1, 2, 3, 4 немесе seasonal)
req-seasonal-section = маусымдық жұмыскерлер тек ауыл шаруашылығына (A секциясы) жіберіледі, { $section } секциясына емес
req-duplicate = өтінім қайталанады ({ $key }): ол { $prev }-жолда да бар; жұмыс берушілерді ұяшық пен санат бойынша біріктіріңіз
what-unit = бірлік атауы
what-non-negative = теріс емес сан
err-duplicate-unit = `{ $unit }` бірлігі қайталанады
err-not-year = `{ $value }` жыл емес
what-region-code-or-name = өңір коды немесе атауы
what-persons = адамдардың бүтін саны
ref-total-differs = { $total } мәні { $year } жылдың алдыңғы жолындағы { $earlier } мәнінен өзгеше
ref-region-twice = { $region } { $year } жылы үшін екі рет кездеседі
err-sdg-columns = (ҰСБ ТДМ деректер файлында Year, UNIT_MEASURE, бөліністер, Value бағандары болады)
ed-id-used = идентификаторды алдыңғы редакция пайдаланған
ed-dated-before = күні { $date }, алдыңғы редакциядан ({ $previous }) бұрын
ed-twice = ({ $key }) екі рет өзгертеді; әр ұяшық пен санатқа бір қорытынды өзгеріс беріңіз
ed-seasonal = маусымдық рұқсаттар ауыл шаруашылығына (A секциясы) арналған, { $section } секциясына емес
ed-not-shortage = дефицит анықталмаған { $cell } ұяшығына { $delta } рұқсат қосады: шетелдік жұмыскерлер тек тапшылық бар жерге жіберіледі
ed-withdraws = ({ $key }) ұяшығынан { $delta } рұқсат алады, ал онда { $before }
ed-reserve = ({ $key }) үшін { $delta } рұқсат керек, ал резервте { $reserve } қалды
fq-not-count = { $category } санаты: { $value } сан емес
fq-no-counts = күшіндегі бұйрықта 1-4 санаттар бойынша сандар жоқ, сондықтан бөлу анықталмаған
fq-no-value = { $category } санатының мәні жоқ
fq-not-share = { $category } санаты: { $value } (0, 1] аралығындағы үлес емес
fq-needs-lp = өңірлер сыйымдылығына, секциялардың төменгі және жоғарғы шектеріне және ең аз қамтуға method = "lp" керек
kq-no-key = `{ $key }` жоқ
kq-rent-range = айына { $value } АЕК заңда белгіленген { $min }-{ $max } АЕК аралығынан тыс
kq-no-region = осы жылға бірде-бір өңір белгіленбеген
kq-not-designated = { $region } осы жылғы қоныстандыру өңірлерінің қатарында жоқ
kq-budget = { $budget } теңге бюджет бір отбасының құнынан ({ $cost } теңге) аз
kq-no-shortage = белгіленген өңірлердің ешқайсысында келушілер толтыра алатын кадр тапшылығы табылмады, сондықтан тапшылық бойынша бөлу анықталмаған ([kandas] split = "previous_order" қойыңыз)
kq-no-order = нысаналы жылға дейін күшіндегі өңірлік квота бұйрығы жоқ, сондықтан алдыңғы бұйрық бойынша бөлу анықталмаған (бұйрықты kandas.regional_quota ішіне қосыңыз немесе [kandas] split = "shortage" қойыңыз)
kq-order-regions = { $year } жылғы бұйрықта осы жылға белгіленген өңірлердің бірі де аталмаған ([kandas] split = "shortage" қойыңыз)
vet-isco-prefix = `{ $value }` ХСКЖ-08 кодының префиксі емес
vet-no-severity = { $flag } белгісі үшін дәреже жоқ
vet-not-flag = `{ $value }` белгі емес (мүмкіндері: { $flags })
pst-unterminated = файл тырнақшадағы өрістің ішінде аяқталады (қиылған ба?)
pst-read-error = оқу қатесі: { $detail }
pst-binary = екілік деректер, бөлгіштері бар мәтін емес
pst-no-header = тақырып жолы жоқ
pst-no-date-column = күн бағаны жоқ (date, published_at, created_at, дата); үлгі айын --month ЖЖЖЖ-АА арқылы беріңіз
pst-no-region-column = өңір бағаны (region, area, city, регион, область, город) да, оны оқитын сілтеме (link, url) да жоқ
pst-fields = өрістер саны { $fields }, ал тақырыпта { $width } (жол қиылған не ығысқан)
pst-date = `{ $value }` күн емес (2024-11-05 немесе 05.11.2024)
pst-link-region = `{ $value }` сілтемесінде өңір жоқ
xls-unreadable = электрондық кесте ретінде оқылмайды (.xlsx, .xls, .ods): { $detail }
xls-sheet-unreadable = `{ $sheet }` парағы оқылмайды: { $detail }
xls-no-layout = бірде-бір парақта ҰСБ кестесі жоқ (өңірлер жолдарының үстінде жылдар жолы): { $skipped }
xls-header = `{ $value }` тақырыбы тоқсан да, ай да, `year` та емес
xls-sub-period = `{ $value }` ішкі кезеңінің үстінде жыл жоқ
xls-no-label = өңір атауы жоқ жолда мәндер бар
xls-region-again = `{ $value }` қайтадан { $area } дегенді білдіреді (алғаш { $first }-жолда); бір кестенің екі жолы бір өңір бола алмайды
err-not-a-cell = `{ $value }` сан емес және сан жоқтығын білдіретін -, x, ... белгілерінің бірі де емес
ing-recoded = { $indicator }: { $span } кезеңдегі { $from } мәндері { $to } болып қайта кодталды (2018 жылғы бөлінуге дейінгі Оңтүстік Қазақстан: Шымкенттің оған дейін мәні жоқ)
ing-old-borders = { $indicator }: { $span } кезеңдегі { $parent } мәндері 2022 жылғы 8 маусымға дейінгі шекарада (оларға бүгінгі { $units } кіреді, оның оған дейін мәні жоқ)
ing-before-formed = { $indicator }: { $code } өңірі құрылғанға дейін { $span } кезеңіне мәндері бар (дереккөздің бағалауы не қайта есептеуі)
ing-span = { $first }..{ $last } ({ $count } кезең)
ing-series-section = { $indicator } { $code } { $section } секциясы
ing-gap = { $series }: { $periods } үшін жол жоқ
ing-gap-more = және тағы { $more }
pst-more-problems = мұнда көрсетілмеген тағы { $count } мәселе
pst-unclassified = ЭҚЖЖ секциясы танылмаған { $count } вакансия (секциясыз есептелді)
pst-salaries = жалақы: теңгедегі { $kzt } ({ $gross } салық ұсталғанға дейін, { $net } қолға, қалғанында көрсетілмеген) медианаларға жарияланғандай алынды; { $none } вакансияда көрсетілмеген
pst-currency = { $currency } валютасындағы { $count } жалақы медианаларға кірмеді (валюта бағамы қолданылмайды)
pst-bad-salaries = түсініксіз жалақы жазбалары: { $count }: { $examples }
pst-bands = тәжірибе топтары (кестеге кірмейді): { $bands }
xls-sheet-empty = `{ $sheet }` парағы: бос
xls-sheet-skipped = `{ $sheet }` парағы: { $reason }
xls-no-years = жылдар жолы жоқ
xls-no-values = жылдар жолы бар, бірақ мән бағандары жоқ
xls-no-label-column = мәндердің сол жағында атаулар бағаны жоқ
xls-empty-column = `{ $sheet }` парағы, { $column } бағаны ({ $period }): бірде-бір жолда мән жоқ
sdg-broken-down = жынысы, жасы не қала/ауыл бойынша бөлінген { $count } жол (қорытындылар қалдырылды)
sdg-towns = қалалар мен аудандар бойынша { $count } жол (өңірлер қалдырылды)
sdg-activities = қызмет түрлерінің қорытындылары мен ЭҚЖЖ секциясы емес қызмет түрлері бойынша { $count } жол
lp-unit-bounds = оның ең азы { $min } ең көбінен { $max } асады
lp-floor-cap = оның төменгі шегі { $floor } жоғарғы шегінен { $cap } асады
lp-floor-capacity = оның төменгі шегі { $floor } ұяшықтары ең көп қабылдай алатын { $capacity } мәнінен асады
lp-cap-floors = оның жоғарғы шегі { $cap } ұяшықтары алуға тиіс { $floors } мәнінен төмен
lp-hard = ұяшықтардың шектері мен осы қатаң шектеулер бірге орындала алмайды
lp-relax-floor = { $group }: төменгі шекті { $by } азайту
lp-relax-cap = { $group }: жоғарғы шекті { $by } арттыру
lp-relaxation = бұл баптаулардың бәрі бірге орындала алмайды; оларды орындалатын ететін ең аз өзгеріс: { $relaxed }
lp-relaxation-with = бұл баптаулардың бәрі мына шектеулермен бірге орындала алмайды: { $against }; оларды орындалатын ететін ең аз өзгеріс: { $relaxed }
lp-group-ceiling = квота шегі
lp-group-region = { $region } өңірінің сыйымдылығы
lp-group-section = { $section } секциясы
lp-group-categories = { $cell } санаттары
ap-unit-bounds = { $unit } бірлігі: ең азы { $min } ең көбінен { $max } жоғары
ap-minimums = ең аз мәндердің қосындысы { $minimums }, бұл { $seats } орыннан көп
ap-maximums = ең көп мәндер (және салмағы нөл бірліктер) { $seats } орынның тек { $maximums } орнына мүмкіндік береді
ap-seat-each = { $method } алдымен салмағы бар әр бірлікке бір орыннан береді, бірақ ондай бірліктер { $units }, ал орындар { $seats }
ap-upper-quota = палата мөлшері { $house } болғанда бірде-бір бірлік өзінің жоғарғы квотасы мен ең көбі шегінде орын ала алмайды
ap-no-weight = қалған орындарды алатын салмағы бар бос бірлік жоқ
ap-raise-from-pool = бірліктерді ең азына дейін көтеруге { $need } орын керек, ал қалдықтар тек { $pool } береді; «алдымен ең аз мәндер» ережесі оларды қамтамасыз ете алады
ds-cell-wages = ұяшықтар жалақысы: елдегі орташа жалақы x сағаттық еңбекақының ресми өңірлік және салалық арақатынастары ({ $first }-{ $last }; бұл жылдардан тыс — ең жақын жыл бойынша)
ds-demo-requests = көрсетілім өтінімдері (синтетикалық, { $file }): бұйрықтардағы санаттар бойынша қорытындыларға, секциялар бойынша санға және жарияланған өңірлік квоталарға калибрленген
ds-values-from = { $column }: { $table } кестесінен { $count } мән
ds-2015 = 2015: өңірлер бойынша жұмыспен қамтылғандар интерполяцияланды (2014 және 2016 жылдардың геометриялық ортасы) және ҰСБ секциялар бойынша қорытындысына келтірілді; жұмыс күші = жұмыспен қамтылғандар / (1 - өңірдің 2015 жылғы ресми жұмыссыздық деңгейі, ТДМ 8.5.2)
ds-oews-suppressed = дағдыларға қажеттілік: жасырылған OEWS ұяшықтары (`-`): { $count }, 0 ретінде есептелді
ds-2022-split = { $what }: Абай, Жетісу және Ұлытау 2022 жылға дейін бұрынғы облыстарынан 2022 жылғы үлестер бойынша бөлінді
what-employed = жұмыспен қамтылғандар
what-labour-force = жұмыс күші
ds-population-south = халық: 2010-2016 жылдардағы Оңтүстік Қазақстан облысы Түркістан облысы мен Шымкентке 2017 жылғы үлестер бойынша бөлінді
ds-population-extrapolated = халық: { $year } жылдан кейінгі жылдар экстраполяцияланды және { $targets } жылдардың 1 қаңтарындағы елдік қорытындыларына келтірілді
ds-ipf = өңір x секция бойынша жұмыспен қамту: IPF өңірлер қорытындыларына (дәл), ел бойынша секциялар қорытындыларына (дөңгелектегеннен кейінгі ең үлкен ауытқу { $deviation } адам) және { $years } жылдың { $official } жылында өңір x қызмет түрлері тобы бойынша ресми қорытындыларға (A, B-F, G-S)
ds-no-regional = { $year } жылға өңірлік деректер ({ $what }) жоқ
ds-no-value = { $year } жылға { $region } үшін деректер ({ $what }) жоқ
ds-no-2015-rate = { $region } үшін 2015 жылғы жұмыссыздық деңгейі жоқ (ТДМ 8.5.2)
ds-no-2015-total = 2015 жылғы секциялар бойынша қорытынды жоқ
ds-lf-below = { $year } жылы { $region } үшін жұмыс күші жұмыспен қамтылғандардан аз
ds-no-2022 = { $region } өңірін бөлу үшін 2022 жылғы мәндер жоқ
src-missing = [{ $key }] жоқ: карта панельдің әр бағаны неге сүйенетінін айтады
src-extra = [{ $key }] — { $file } бағаны емес (бағандары: { $columns })
src-ingested = [{ $key }]: `ingested` мәртебесін `table` береді; құрастыру кестесіз не жасайтынын көрсетіңіз
src-no-indicator = `{ $indicator }` көрсеткішінің мәндері жоқ
src-no-values = мәндер жоқ
src-levels = { $year } жылы деңгейлер араласқан (ұяшықтар, өңірлер, секциялар); бір кестеге бір деңгей беріңіз
src-region-values = { $year } жыл: өңірлер бағаны өңірлер бойынша мәндерді қабылдайды (секциясыз)
src-percent = `percent_of_labour_force` { $column } емес, region_year.unemployed бағанына қатысты
src-rate = { $year } { $region }: { $value } 100-ден төмен % деңгейі емес
rl-no-national-wages = Қазақстан Республикасы бойынша жол жоқ (ел бойынша жалақы)
app-duplicate-cell = квота ұяшығы қайталанады
app-route-sections = `{ $route }` бағытында секциялар бойынша квоталар да, секциясыз квота да бар
el-few-years = { $section } секциясының икемділігі: жұмыспен қамту мен өнім деректері бар жылдар { $years }, кемінде 5 керек
app-column = `{ $column }` бағаны: { $text }
app-row = { $row }-жол: { $problems }
app-empty = бос
app-timestamp = `{ $value }` уақыт белгісі емес (2026-03-01T10:00:00Z)
app-duplicate = { $row }-жол: applicant_id қайталанады ({ $rows } жолдар)
rule-outside = { $value } { $min }..{ $max } аралығынан тыс
rule-not-bool = `{ $value }` true да, false та емес
rule-no-stages = кезеңдер жоқ
rule-field-range = `{ $field }` өрісі: шекті `min` < `max` керек
rule-field-values = `{ $field }` өрісі: санат өрісіне мәндер керек
rule-undeclared = `{ $stage }` кезеңі [fields] ішінде жарияланбаған `{ $field }` өрісін пайдаланады
rule-stage-twice = `{ $stage }` кезең идентификаторы екі рет кездеседі
rule-gate-empty = `{ $gate }` сүзгісінде блоктар жоқ
rule-gate-number = `{ $gate }` сүзгісі: `{ $field }` блок өрісі сан болуы керек
rule-gate-bound = `{ $gate }` сүзгісі: `{ $field }` блогына `min` немесе `below` керек
rule-check-bool = `{ $check }` тексеруі: `{ $field }` өрісі логикалық (иә/жоқ) болуы керек
rule-pass = `{ $stage }` кезеңі: өту балы сан болуы керек
rule-factor-twice = `{ $stage }` кезеңі: `{ $factor }` факторы екі рет кездеседі
rule-factor-ranges = `{ $factor }` факторы: сандық өріс `ranges` арқылы беріледі
rule-bands-overlap = `{ $factor }` факторы: { $a } және { $b } мәндерінен басталатын аралықтар қиылысады
rule-band-empty = `{ $factor }` факторы: { $from } мәнінен басталатын аралық бос немесе балсыз
rule-factor-categories = `{ $factor }` факторы: санат өрісі `categories` арқылы беріледі
rule-factor-value = `{ $factor }` факторы: `{ $value }` `{ $field }` өрісінің мәні емес
rule-factor-bool = `{ $factor }` факторы: логикалық өріс `true`/`false` санаттарын қабылдайды
rule-factor-cap = `{ $factor }` факторы: шегі >= 0 болуы керек
rule-factor-groups = `{ $factor }` факторы `{ $stage }` кезеңінің бірнеше тобына кіреді
rule-group-factor = `{ $group }` тобы `{ $stage }` кезеңінде жоқ `{ $factor }` факторын атайды
rule-group-cap = `{ $group }` тобы: шегі >= 0 болуы керек
usage-unknown-arg = белгісіз аргумент '{ $arg }'
usage-unknown-command = белгісіз команда '{ $command }'
usage-invalid-value = '{ $arg }' үшін жарамсыз мән '{ $value }'
usage-possible = мүмкін мәндер: { $values }
usage-missing = міндетті аргументтер берілмеген: { $args }
usage-conflict = '{ $arg }' аргументін '{ $prior }' аргументімен бірге қолдануға болмайды
usage-did-you-mean = мүмкін, { $suggestion } деп айтпақ болғансыз?
usage-help = командалар мен олардың жалаушалары: kvota --help, kvota <команда> --help
arg-format = `{ $value }` формат емес (bns-xlsx, bns-open-data, bns-sdg немесе postings)
arg-table-format = `{ $value }` кесте форматы емес (arrow немесе csv)
arg-lang = `{ $value }` kvota жазатын тіл емес (kk, ru немесе en)
arg-fraction = `{ $value }` [1, 2) аралығындағы 1.4 сияқты сан емес
arg-level = `{ $value }` 0 мен 100 аралығындағы деңгей емес (мысалы, 80)
arg-month = `{ $value }` 2024-11 сияқты ай емес
help-flag-help = Анықтаманы көрсету
help-flag-version = Нұсқаны көрсету
help-heading-usage = Қолдану
help-heading-commands = Командалар
help-heading-options = Параметрлер
help-heading-arguments = Аргументтер
help-cmd-help = Осы анықтаманы немесе көрсетілген команданың анықтамасын көрсету

## --help: every command and flag (src/bin/kvota/help.rs); en is the code's own documentation

help-cmd-kvota = Қазақстан үшін кадр тапшылығын болжау және квоталарды бөлу
help-arg-kvota-quiet = Қателерден басқа ештеңе шығармау
help-cmd-run = Сценарий бойынша бүкіл есептеуді орындап, Parquet шығыс файлдары мен манифестті жазу
help-cmd-run-long =
    Сценарий бойынша бүкіл есептеуді орындап, Parquet шығыс файлдары мен манифестті жазу.

    Мысал: kvota run --scenario scenarios/baseline.toml --out reports
help-arg-run-scenario = Сценарий файлы
help-arg-run-data = Панельдің CSV файлдары бар қалта немесе ішінде `panel/` бар деректер қалтасы (сценарийдің data.panel мәнін ауыстырады)
help-arg-run-params = Күні белгіленген параметрлер қалтасы (сценарийдің data.params мәнін ауыстырады)
help-arg-run-out = Шығыстың түбір қалтасы; нәтижелер <OUT>/<сценарий id>/ қалтасына жазылады
help-arg-run-png = Графиктерді PNG түрінде де жазу (charts/*.png)
help-arg-run-format = Әр кестені Parquet файлының жанына Arrow IPC (.arrow) және/немесе CSV (.csv) түрінде де жазу
help-arg-run-lang = Есеп пен бұйрық жобасының тілдері, біріншісі report.html ретінде де (әдепкі: сценарийдің [output] lang мәні, әйтпесе kk,ru,en)
help-cmd-scenario = Сценарийлер топтамасын орындау немесе екі сценарийді салыстыру
help-cmd-scenario-long =
    Сценарийлер топтамасын орындау немесе екі сценарийді салыстыру.

    Мысал: kvota scenario run scenarios/baseline.toml scenarios/lp_amended.toml --out reports
help-cmd-scenario-run = Бірнеше сценарийді орындау; панелі, моделі және көкжиегі бірдей сценарийлер бір болжамдар жинағын пайдаланады. Әрқайсысы `kvota run` сияқты <OUT>/<сценарий id>/ қалтасын жазады; id әртүрлі болуы керек
help-cmd-scenario-run-long =
    Бірнеше сценарийді орындау; панелі, моделі және көкжиегі бірдей сценарийлер бір болжамдар жинағын пайдаланады. Әрқайсысы `kvota run` сияқты <OUT>/<сценарий id>/ қалтасын жазады; id әртүрлі болуы керек.

    Мысал: kvota scenario run scenarios/*.toml --out reports
help-arg-scenario-run-scenarios = Сценарий файлдары
help-arg-scenario-run-out = Шығыстың түбір қалтасы
help-cmd-scenario-compare = Екі сценарийді орындап, бағасы, тапшылығы немесе квотасы өзгеше ұяшықтарды тізу (B - A); <OUT>/compare_<A>_<B>.parquet (және .csv) жазады
help-cmd-scenario-compare-long =
    Екі сценарийді орындап, бағасы, тапшылығы немесе квотасы өзгеше ұяшықтарды тізу (B - A); <OUT>/compare_<A>_<B>.parquet (және .csv) жазады.

    Мысал: kvota scenario compare scenarios/baseline.toml scenarios/lp_amended.toml
help-arg-scenario-compare-out = Шығыстың түбір қалтасы (екі есептеу <OUT>/<id>/ қалтасына жазылады)
help-cmd-validate = Кіріс панелін тексеріп, тексеру есебін шығару; қате болса, шығу коды 1
help-cmd-validate-long =
    Кіріс панелін тексеріп, тексеру есебін шығару; қате болса, шығу коды 1.

    Мысал: kvota validate --data data/panel

    --format және файлдармен оның орнына жарияланған статистика файлдарын тексереді (`kvota ingest` қараңыз): оқылған және келтірілген жолдар, белгіленген ұяшықтар, ұсыныстары бар белгісіз атаулар, қайталаулар, қатарлардағы үзілістер және қолданылған өңір бөліністері.

    Мысал: kvota validate --format bns-xlsx archive_unemploymentRate.xlsx
help-arg-validate-format = FILES форматы (bns-xlsx, bns-open-data, bns-sdg немесе postings; postings үшін күн бағаны керек)
help-arg-validate-files = Тексерілетін жарияланған файлдар
help-cmd-ingest = Жарияланған статистика файлын оқып, kvota ұзын кестесін жазу (indicator, region_code, oked_section, period, value, flag)
help-cmd-ingest-long =
    Жарияланған статистика файлын оқып, kvota ұзын кестесін жазу (indicator, region_code, oked_section, period, value, flag).

    Ештеңе үнсіз жоғалмайды: `-`, `x`, `...` және ескерту белгілері белгіге айналады; өңірді білдірмейтін атау немесе сандық ұяшықтағы мәтін команданы файлын, жолын және бағанын көрсетіп тоқтатады, ештеңе жазылмайды.

    Мысал: kvota ingest bns-xlsx archive_unemploymentRate.xlsx --out unemployment.parquet
help-arg-ingest-format = bns-xlsx (ҰСБ кестесі), bns-open-data (stat.gov.kz үлгісі, CSV немесе Parquet), bns-sdg (ҰСБ ТДМ платформасының деректер файлы, CSV) немесе postings (вакансиялар, CSV)
help-arg-ingest-file = Оқылатын файл
help-arg-ingest-out = Шығыс файлы, .parquet немесе .csv
help-arg-ingest-indicator = Көрсеткіш атауы (әдепкі: кестенің тақырыбы немесе үлгінің NAM мәні)
help-arg-ingest-month = Күн бағаны жоқ вакансиялар файлының үлгі айы (ЖЖЖЖ-АА)
help-cmd-apportion = CSV файлының бірліктері арасында орындарды дәл әдіспен бөлу (unit, weight бағандары)
help-cmd-apportion-long =
    CSV файлының бірліктері арасында орындарды дәл әдіспен бөлу (unit, weight бағандары).

    Мысал: kvota apportion --input parties.csv --seats 54 --method dhondt --out seats.csv
help-arg-apportion-input = unit, weight бағандары бар CSV (салмақтар: кез келген шамадағы теріс емес бүтін сандар немесе ондық бөлшектер)
help-arg-apportion-seats = Бөлінетін орындар саны
help-arg-apportion-method = hamilton, dhondt, sainte-lague, huntington-hill, adams, dean немесе quota
help-arg-apportion-min = Әр бірліктің ең аз орын саны
help-arg-apportion-min-rule = Гамильтон әдісі ең аз мәндерді қалай қамтамасыз етеді: minimum-first (әдепкі: ең азынан төмен бірліктер оны бірінші алады, қалған орындар басқаларына бөлінеді) немесе raise-from-pool (АҚШ Өкілдер палатасының тарихи ережесі: толық құрамдағы барлық бірліктердің квоталары, бүтін бөліктер, ең азынан төмен бірліктер бүтін бөліктерден кейін қалған орындардан оған дейін көтеріледі, қалғаны — басқалардың арасында ең үлкен қалдықтар бойынша)
help-arg-apportion-max-column = Әр бірліктің ең көп орын саны бар баған (бос ұяшық — шексіз)
help-arg-apportion-first-divisor = Сент-Лагюдің өзгертілген әдісінің 1, 3, 5 шкаласындағы бірінші бөлгіші, мысалы 1.4
help-arg-apportion-break-ties = Теңдікті тоқтамай, белгіленген ереже бойынша шешу (үлкен салмақ, одан кейін алдыңғы бірлік)
help-arg-apportion-out = Кіріс ретімен unit, seats жазылған шығыс файлы (.csv немесе .parquet); берілмесе — стандартты шығыс
help-cmd-select = Өтініш берушілерді ережелер файлы бойынша бағалау, әр квота ұяшығында рұқсат етілгендерді саралау, орындарды толтыру
help-cmd-select-long =
    Өтініш берушілерді ережелер файлы бойынша бағалау, әр квота ұяшығында рұқсат етілгендерді саралау, орындарды толтыру.

    Мысал: kvota select --rules data/rules/kz_2026_pilot.toml --applicants applicants.csv --quota slots.csv --out reports/selection
help-arg-select-rules = Ережелер файлы (TOML): өрістер, кезеңдер, аралықтар, шектер, өту балдары (data/rules/ қараңыз)
help-arg-select-applicants = Өтініш берушілер, CSV немесе Parquet: applicant_id, submitted_at, [updated_at, decided_at, route, region, section,] және ережелердің әр өрісіне бір баған
help-arg-select-quota = Ұяшықтар бойынша орындар, CSV немесе Parquet: route, region, [section,] slots
help-arg-select-out = Шығыс қалтасы: selection.parquet, cutoffs.parquet, funnel.parquet, manifest.json
help-cmd-contract = Қандастардың әлеуметтік келісімшарттарының белгілі бір күнгі тізілімі: мәртебе, қайтарылатын сомалар, тұрақтау, болжам
help-cmd-contract-long =
    Қандастардың әлеуметтік келісімшарттарының белгілі бір күнгі тізілімі: мәртебе, қайтарылатын сомалар, тұрақтау, болжам.

    Мысал: kvota contract --families families.csv --payments payments.csv --moves moves.csv --as-of 2026-12-31
help-arg-contract-families = Отбасылар, CSV немесе Parquet: family_id, arrival_date, host_region, members
help-arg-contract-payments = Төленген қолдау: family_id, item, paid_date, amount_mci немесе amount_kzt
help-arg-contract-moves = Көшулер: family_id, move_date, to_region
help-arg-contract-as-of = Мәртебе күні (ЖЖЖЖ-АА-КК)
help-arg-contract-params = Күні белгіленген параметрлер қалтасы (келісімшарт мерзімі, қайтару үлесі, АЕК)
help-arg-contract-out = Шығыс қалтасы: contract_status.parquet, contract_regions.parquet, retention.parquet, manifest.json
help-cmd-dataset = data/raw ішінен data/panel әдепкі деректер жинағын қайта құрастыру (data/README.md қараңыз)
help-cmd-dataset-build = Мысал: kvota dataset build --raw data/raw --assumptions data/build/assumptions.toml --sources data/build/sources.toml --out data/panel
help-arg-dataset-build-raw = Құрастыру оқитын ресми қатарлар қалтасы
help-arg-dataset-build-assumptions = Модельдік болжамдар мен калибрлеудің бақылау қорытындылары
help-arg-dataset-build-sources = Дереккөздер картасы: панельдің әр бағаны неге сүйенеді және бағандарды ауыстыратын кестелер
help-cmd-forecast = Ұзын кестенің әр қатарын болжау (series_id, period, value)
help-cmd-forecast-long =
    Ұзын кестенің әр қатарын болжау (series_id, period, value).

    Мысал: kvota forecast --input series.csv --horizon 6 --out forecasts.parquet --models auto
help-arg-forecast-input = series_id, period (2023, 2023Q2 немесе 2023-05), value бағандары бар ұзын кесте, CSV немесе Parquet
help-arg-forecast-horizon = Болжам қадамдарының саны
help-arg-forecast-out = Шығыс файлы (.parquet немесе .csv): series_id, period, step, mean, lo_L, hi_L, model
help-arg-forecast-models = Модельдер: auto, naive, snaive, naive2, drift, ses, ses-ets, holt, damped, theta, otm, dstm, dotm, theta-sa, dstm-sa, otm-sa, autotheta, autoets (ets), autoets-a, ces, comb, classic-theta, autoarima (arima), autoarima-approx, autoarima-css, autoarima-sa
help-arg-forecast-season = Маусым ұзындығы (әдепкі: жылдар мен индекстер үшін 1, тоқсандар үшін 4, айлар үшін 12)
help-arg-forecast-level = Болжам аралықтарының пайыздағы деңгейлері, үтір арқылы
help-arg-forecast-no-calibrate = Модельдердің өз аралықтарын қалдыру, оларды барлық қатарлар бойынша кейінге қалдырылған деректерде калибрлемеу
help-cmd-forecast-backtest = Жылжымалы бастапқы нүктемен ретроспективалық тексеру: әр қатардың соңғы нүктелеріндегі модельдер дәлдігі
help-cmd-forecast-backtest-long =
    Жылжымалы бастапқы нүктемен ретроспективалық тексеру: әр қатардың соңғы нүктелеріндегі модельдер дәлдігі.

    Мысал: kvota forecast backtest --input series.csv --horizon 2 --models naive2,theta,dotm,auto
help-arg-forecast-backtest-models = Салыстырылатын модельдер, үтір арқылы
help-arg-forecast-backtest-origins = Әр қатардағы болжамның бастапқы нүктелерінің саны (соңғылары)
help-arg-forecast-backtest-no-calibrate = Модельдердің өз аралықтарын бағалау, оларды `kvota forecast` әдепкіде істейтіндей әр бастапқы нүктеде барлық қатарлар бойынша калибрлемеу
help-arg-forecast-backtest-out = Кестені де жазу (.parquet немесе .csv)
arg-model = белгісіз модель `{ $value }`; белгілі модельдер: { $models }
ds-no-group-row = өңір x қызмет түрлері тобы бойынша жұмыспен қамту: { $year } жылға { $region } жолы жоқ
ds-no-section-employment = { $year } жылға { $section } секциясы бойынша жұмыспен қамту жоқ
ds-no-section-value = { $what }: { $section } секциясы үшін мән жоқ
ds-no-section-year = { $year } жылға { $section } жоқ
ds-no-index = { $year } жылға { $section } секциясы үшін индекс жоқ
ds-no-industry = [skill_needs.sections] ішінде { $section } секциясы үшін аталған `{ $industry }` саласы бойынша жұмыспен қамту жоқ
ds-duplicate-row = { $code } { $year } үшін жол қайталанады
ds-unexpected-section = күтілмеген секция `{ $section }`
ds-population-year = population.national_1jan: `{ $value }` жыл емес
ds-population-years = халық жылдары: халық кестесінде { $year } жыл жоқ
ds-no-age = { $region } үшін жас құрылымы жоқ
ds-expected-region = өңір күтілді
ds-no-migration = ішкі көші-қон файлдары жоқ
ds-no-wages = жалақы жоқ
ds-no-national-wage = { $year } жылға елдік орташа жалақы жоқ
ds-rural-region = ауыл халқының үлестерінде өңір жетіспейді
ds-seed-section = бастапқы бөлу: белгісіз секция { $section }
ds-seed-region = бастапқы бөлу: белгісіз өңір { $region }
dr-not-count = { $key } сан емес
dr-month-day = { $key } ай мен күн емес
dr-no-occupations = { $category } санаты үшін кәсіптер жоқ
ds-no-hourly = { $file }: барлық өңірлер мен барлық секциялар бойынша сағаттық еңбекақы бар жыл жоқ
