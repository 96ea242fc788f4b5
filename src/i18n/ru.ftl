# Сообщения kvota на русском языке. Ключи те же, что в en.ftl и kk.ftl (проверяется тестом
# `i18n::catalogues_are_complete`). Аргументы — готовый текст.

## Даты

date-long = { $day } { $month } { $year } года
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
yes = да

## Названия кодов

evidence-official = официальные данные
evidence-ingested = данные пользователя
evidence-estimated = оценка
evidence-synthetic = синтетические данные
evidence-unknown = не описано (нет карты источников)
role-openings = потребность в кадрах
role-supply = внутреннее предложение
role-score = индекс дефицита
role-none = нет
rating-shortage = дефицит
rating-balanced = баланс
rating-surplus = избыток
rating-undetermined = не определено
severity-low = низкая
severity-medium = средняя
severity-high = высокая
status-verified = проверено по акту
status-reported = по публикациям
status-derived = расчётное
status-assumption = допущение
status-unverified = не проверено
category-1 = первая категория (руководители и их заместители)
category-2 = вторая категория (руководители структурных подразделений)
category-3 = третья категория (специалисты)
category-4 = четвёртая категория (квалифицированные рабочие)
category-seasonal = сезонные иностранные работники в сельском хозяйстве
category-short-1 = Первая категория
category-short-2 = Вторая категория
category-short-3 = Третья категория
category-short-4 = Четвёртая категория
category-short-seasonal = Сезонные работники
country = Республика Казахстан
category-short-total = Всего
flag-oversized-request = заявка больше, чем позволяет штат работодателя
flag-no-labour-market-test = вакансия не размещалась до заявки
flag-posting-after-request = вакансия размещена после заявки
flag-citizens-available = в ячейке есть свободные граждане
flag-wage-below-median = зарплата ниже медианной по региону
flag-category-occupation-mismatch = категория не соответствует профессии
flag-local-content = не выполнена доля казахстанских кадров
flag-shared-posting = одна вакансия у нескольких работодателей
flag-linked-employers = связанные работодатели
flag-low-prior-use = прежняя квота в основном не использована
flag-seasonal-outside-agriculture = сезонные работники вне сельского хозяйства
flag-surplus-cell = заявка в ячейке с избытком кадров
flag-unknown-project = проект неизвестен
measure-ceiling-pct = квота (% от рабочей силы)
measure-distributed = распределённая квота
measure-category = по категориям работников
measure-region = по регионам
measure-section = по секциям (численность иностранных работников)
measure-kandas-region = кандасы по регионам
measure-kandas-region-shortage = кандасы по регионам, распределение по дефициту (рядом с квотой)
measure-kandas-total = кандасы всего
item-all = всего
item-other = прочие

## Почему у строки такая квота (столбцы объяснений)

why-closed = секция закрыта для иностранных работников законом; квота 0.
why-not-shortage = дефицита нет, поэтому заявки не обоснованы; квота 0.
why-not-in-order = в приказе не было.
why-vetted = проверенные заявки обосновывают { $n }
why-gap = дефицит { $n }
why-requested = , запрошено { $n }
why-justified = ; обоснованная потребность { $n }
why-lc-allows = {" "}(доля казахстанских кадров допускает { $n })
why-cell-quota = ; квота ячейки { $n }
why-lp = {" "}(ЛП: значимость { $severity } на человека; ограничение: { $binding }{ $shadow })
why-shadow = , теневая цена { $v }
why-demand-met = {" "}(потребность покрыта полностью)
why-capped-lc = {" "}(ограничено долей казахстанских кадров)
why-share = {" "}(доля по методу { $method } от { $distributable } к распределению при обоснованной потребности { $demand })
why-category = ; категория { $category }: { $n }
why-of-requested = {" "}из { $n } { PLURAL($n, one: "запрошенного", other: "запрошенных") }
why-order-shares = {" "}по долям действующего приказа
why-tie = ; равенство разрешено (больший вес, затем порядок)
why-amended = {" "}Изменено редакцией { $id }: { $delta } ({ $direction }){ $reason }
why-from-reserve = из резерва
why-back-to-reserve = обратно в резерв
binding-demand = потребность
binding-local-content = доля казахстанских кадров
binding-ceiling = предел квоты
binding-none = нет
binding-no-justified-demand = нет обоснованной потребности
binding-amendment = изменение приказа
binding-minimum-coverage = минимальный охват
kandas-why = { $region }: дефицит { $gap } { PLURAL($gap, one: "человек", few: "человека", many: "человек", other: "человека") } (с высшим образованием { $higher }, с техническим и профессиональным { $vocational }, с общим средним { $general }); образованию прибывающих соответствуют { $weight } { PLURAL($weight, one: "работающий", other: "работающих") }; семей { $families } ({ $persons } { PLURAL($persons, one: "человек", few: "человека", many: "человек", other: "человека") }){ $how }{ $alt }
kandas-why-share = {" "}по доле региона от { $families } { PLURAL($families, one: "семьи", other: "семей") }
kandas-why-capped = , ограничено: { $binding } ({ $cap })
kandas-why-order = { $region }: в приказе о региональной квоте на { $year } год человек: { $prev }; семей { $families } ({ $persons } { PLURAL($persons, one: "человек", few: "человека", many: "человек", other: "человека") }){ $how }{ $alt }
kandas-why-alt-order = ; по долям приказа на { $year } год семей было бы: { $alt }
kandas-why-alt-shortage = ; по дефициту, который соответствует образованию прибывающих (работающих: { $weight }, основа: { $basis }), семей было бы: { $alt }
kandas-why-alt-shortage-none = ; распределение по дефициту не определено: ни в одном назначенном регионе нет дефицита, который могли бы закрыть прибывающие
binding-job-capacity = ёмкость рабочих мест
binding-housing-capacity = ёмкость жилья

## Почему у ячейки такая оценка (обоснование дефицита)

reason-too-small = занятых { $employed }, меньше { $needed }, нужных для оценки ячейки: не определено
reason-missing = не определено: нет данных по показателям: { $names }
reason-rated = { $signals }; потребность в кадрах { $openings } при внутреннем предложении { $supply }: { $verdict }{ $level }
reason-regional = {" "}[{ $regional } из { $weighted } { PLURAL($weighted, one: "взвешенного показателя", other: "взвешенных показателей") } { PLURAL($regional, one: "относится", other: "относятся") } ко всему региону, а не к ячейке]
reason-overridden = {" "}Оценка изменена на «{ $rating }»: { $reason }.
verdict-shortage = дефицит { $gap } (индекс { $score } >= { $cutoff })
verdict-surplus = избыток { $gap } (индекс { $score } <= { $cutoff })
verdict-balanced-tight = баланс: признаки напряжённости (индекс { $score }), но внутреннее предложение покрывает потребность
verdict-balanced-slack = баланс: признаки избытка (индекс { $score }), но потребность превышает внутреннее предложение на { $gap }
verdict-balanced = баланс (индекс { $score } между { $lo } и { $hi })
ind-national = {" "}(по стране { $v })
ind-vacancy-rate = доля вакансий { $v }{ $national }
ind-tightness = вакансий на одного ищущего работу { $v }{ $national }
ind-wage-relative = зарплата { $v } от медианы по стране{ $national }
ind-real-wage-growth-1y = реальная зарплата { $v } за 1 год{ $national }
ind-real-wage-growth-3y = реальная зарплата { $v } в год за 3 года{ $national }
ind-employment-growth-3y = занятость { $v } в год за 3 года{ $national }
ind-unemployment-rate = безработица в регионе { $v }{ $national }
ind-vacancy-persistence = доля вакансий выше средней по стране в { $v } из последних 3 лет{ $national }
ind-informal-share = неформальная занятость { $v }{ $national }
ind-net-migration-rate = чистая внутренняя миграция { $v } на 1 000 в год{ $national }
ind-neet-share = молодёжь, которая не работает и не учится, { $v }{ $national }
ind-name-vacancy-rate = доля вакансий
ind-name-tightness = напряжённость рынка труда
ind-name-wage-relative = относительная зарплата
ind-name-real-wage-growth-1y = рост реальной зарплаты за 1 год
ind-name-real-wage-growth-3y = рост реальной зарплаты за 3 года
ind-name-employment-growth-3y = рост занятости за 3 года
ind-name-unemployment-rate = уровень безработицы
ind-name-vacancy-persistence = устойчивость вакансий
ind-name-informal-share = доля неформальной занятости
ind-name-net-migration-rate = чистая внутренняя миграция
ind-name-neet-share = доля молодёжи, которая не работает и не учится

## Диаграммы

chart-quota-by-region = Квота на привлечение иностранной рабочей силы по регионам (разрешений)
chart-fans = Прогнозы занятости с интервалами 80 % и 95 % (человек)
chart-fan-panel = { $region }, { $section } { $section_name }: занятые
chart-compare = Сценарий { $b } минус { $a }, по регионам
chart-compare-quota = квота на иностранную рабочую силу (разрешений)
chart-compare-gap = дефицит кадров (человек)
chart-map-credit = Картографические данные © участники OpenStreetMap, ODbL
chart-heatmap = Индекс дефицита по регионам и секциям ОКЭД (в рамке: дефицит)

## Отчёт

report-title = Отчёт kvota: { $scenario } ({ $year })
report-intro = { $title }. Расчёт <code>{ $run }</code>, данные по { $year } год, kvota { $version }.
report-charts = Диаграммы
report-overrides = Решения планировщика
report-no-overrides = Планировщик не менял оценки, полученные по правилу.
report-warnings = Предупреждения о данных
report-none = Нет.
basis-heading = На чём основаны цифры
basis-requests = <b>Квота на привлечение иностранной рабочей силы рассчитана по { $lines } { PLURAL($lines, one: "строке", other: "строкам") } заявок работодателей; основа данных: { $evidence }</b> (раздел «Заявки работодателей»).
basis-requests-synthetic = <b>Квота на привлечение иностранной рабочей силы рассчитана по { $lines } { PLURAL($lines, one: "строке", other: "строкам") } заявок работодателей; основа данных: { $evidence }</b>: это демонстрационная таблица, откалиброванная по опубликованным приказам, а не настоящие заявки; её совпадение с приказами по категориям, региональными квотами и отраслевой структурой ничего не доказывает (раздел «Заявки работодателей»).
basis-shares = Из потребности в кадрах, на которой основана распределённая квота, <b>{ $open_syn }</b> приходится на синтетические значения и { $open_est } — на оценки; из внутреннего предложения, сопоставленного с ней, { $supply_syn } — синтетические значения. Индекс дефицита опирается на синтетические показатели на { $score_syn } и на оценки — на { $score_est }. По самой слабой основе своей ячейки распределённые разрешения опираются на: { $grades }.
basis-moved = Исходные данные, которые не являются официальной статистикой и повлияли на квоту:
basis-kandas-order = <b>Квота кандасов следует долям приказа о региональной квоте на { $year } год</b> (официальные данные); распределение по модельному дефициту (ячейки: { $grade }) приведено рядом, по нему в другие регионы переместились бы семей: { $moved } (раздел «Квота кандасов», <code>quota_kandas.parquet</code>: families_shortage).
basis-kandas-order-alone = <b>Квота кандасов следует долям приказа о региональной квоте на { $year } год</b> (официальные данные); распределение по модельному дефициту не определено: ни в одном назначенном регионе нет дефицита, который могли бы закрыть прибывающие.
basis-kandas-shortage = <b>Квота кандасов распределена по модельному дефициту (ячейки: { $grade })</b>{ $alt }.
basis-kandas-alt-order = ; по долям приказа на { $year } год (официальные данные) в других регионах оказались бы семей: { $moved }
basis-footer = Каждая строка выходных таблиц содержит свою степень обоснованности и эти доли (<code>shortage.parquet</code>, <code>quota_foreign.parquet</code>); в <code>data/build/sources.toml</code> сказано, как заменить их реальными таблицами.
skill-intro = Как прогнозы справились на собственной истории этой панели: { $model } и случайное блуждание прогнозировали каждый ряд от каждой из последних { $origins } { PLURAL($origins, one: "точки", other: "точек") } отсчёта (горизонт в годах: { $h }) на { $from }-{ $to } гг. Средний MASE — ошибка в единицах среднего годового изменения самого ряда (чем меньше, тем лучше; модель полезна там, где её MASE ниже, чем у случайного блуждания). На оценённых и синтетических столбцах это сравнение метода не с реальностью, а со способом, которым значения были получены.
skill-intervals = Покрытие интервалов: доля последующих фактических значений, попавших в 80- и 95-процентные интервалы прогона, откалиброванные в каждой точке отсчёта так, как их калибрует этот прогон. Если доли близки к 80 % и 95 %, диапазоны неопределённости этого отчёта (<code>uncertainty.parquet</code>, веерные графики) можно принимать как есть; если заметно ниже — они слишком узки; если выше — слишком широки.
skill-uncalibrated = В { $n } из { $origins } { PLURAL($origins, one: "точки", other: "точек") } отсчёта слишком мало рядов было достаточно длинными для калибровки; там оценивались собственные интервалы модели.
th-cov80 = внутри 80-процентного интервала
th-cov95 = внутри 95-процентного интервала
th-forecasts = прогнозов
th-mase-model = MASE модели
th-mase-naive = MASE случайного блуждания
th-input = данные
th-basis = основа
th-role = роль
th-share-behind = доля в квоте
th-how-made = как получены
requests-heading = Заявки работодателей
requests-synthetic = <b>Эти заявки — синтетическая демонстрационная таблица</b> (<code>data/build/demo_requests.toml</code>): их итоги откалиброваны по цифрам приказа по категориям и сезонным работникам, численности иностранных работников по секциям и опубликованным региональным квотам, поэтому совпадение расчёта с этими цифрами получено калибровкой и ничего не доказывает. Среди отмеченных ниже работодателей есть заложенные для проверки случаи.
requests-user = Заявки взяты из таблицы пользователя ({ $evidence }).
requests-body = Строк заявок: { $lines }, работодателей: { $employers }; запрошено работников категорий 1–4 и сезонных: { $workers }; после проверки по правилам обосновано: { $justified }, в квоту вошло: { $quota }. Строк одобрено: { $approved }, сокращено: { $reduced }, отклонено: { $rejected }; внутрикорпоративных переводов вне квоты: { $ict }. Решение, правила и отметки по каждой строке — в <code>requests_vetted.parquet</code>.
flags-heading = Работодатели с отметками
flags-body = Всего отметок о работодателях: { $all } (средней и высокой значимости: { $serious }, они перечислены здесь, сначала самые серьёзные; все — в <code>employer_flags.parquet</code>). Идентификаторы псевдонимизированы.
flags-more = ... и ещё { $more } в <code>employer_flags.parquet</code>.
th-employer = работодатель
th-flag = отметка
th-severity = значимость
th-evidence = основание
projects-heading = Квота по проектам
th-project = проект
th-request-lines = строк заявок
th-workers-asked = запрошено работников
th-quota = квота
reality-heading = Сравнение с опубликованными решениями
reality-nothing = За { $year } год нет опубликованных решений, которые есть в kvota (<code>data/reference/</code>, приказы в <code>data/params/</code>).
reality-body = Расстояние между распределениями — индекс Дункана: половина суммы модулей разностей долей (0 — одинаковая структура, 1 — никакого совпадения). Цифра, взятая kvota из той же публикации, отмечена как <b>откалиброванная</b>: совпадение по ней ничего не доказывает. Модель не подгоняется под эти расстояния.
th-measure = показатель
th-item = элемент
th-kvota = расчёт kvota
th-published = опубликовано
th-kvota-share = доля по расчёту
th-published-share = опубликованная доля
th-distance = расстояние
th-calibrated = откалибровано
th-note = примечание
summary-heading = Итоги
summary-ceiling = Квота на привлечение иностранной рабочей силы на { $year } год — <b>{ $ceiling }</b> разрешений: { $pct } % от численности рабочей силы за { $lf_year } год ({ $lf } { PLURAL($lf, one: "человек", few: "человека", many: "человек", other: "человека") }). В резерве { $reserve }; <b>{ $distributed }</b> разрешений распределено по ячейкам с дефицитом при обоснованной потребности { $justified } ({ $method }).
summary-categories = По категориям работников: { $list }.
summary-kandas = Переселение кандасов: <b>{ $families }</b> { PLURAL($families, one: "семья", few: "семьи", many: "семей", other: "семьи") } ({ $persons } { PLURAL($persons, one: "человек", few: "человека", many: "человек", other: "человека") }) в { $regions } { PLURAL($regions, one: "регионе", other: "регионах") } расселения; расходы { $cost } из бюджета { $budget } тенге (плановое допущение сценария, а не опубликованная цифра).
summary-uncertainty = Неопределённость ({ $draws } { PLURAL($draws, one: "выборка", few: "выборки", many: "выборок", other: "выборки") } прогнозов в пределах их интервалов, seed { $seed }): обоснованная потребность от { $d10 } до { $d90 } (P10–P90, медиана { $d50 }); распределено от { $q10 } до { $q90 }. Разброс по ячейкам — в <code>uncertainty.parquet</code>.
summary-uncertainty-independent = Выборки независимы между рядами, поэтому диапазон итогов уже, чем его сделал бы общий для многих рядов шок.
summary-uncertainty-apart = Собственный обоснованный спрос расчёта, { $point }, лежит вне этого диапазона: в розыгрышах не все ячейки оцениваются так же, как в расчёте. Наибольшее расхождение — { $cell }: расчёт оценивает её как «{ $rating }» (квота { $quota }); розыгрыши оценивают её как избыток в { $surplus } и как дефицит в { $shortage } случаев, медиана квоты { $p50 } (P10-P90 от { $p10 } до { $p90 }). Оценку, которую разброс прогнозов так часто опрокидывает, решает планировщик; это не точная цифра.
summary-uncertainty-common = Выборки рядов каждой величины содержат общий шок с корреляцией, измеренной проверкой прогнозов этого запуска по ошибкам одного года (от { $lo } до { $hi } по величинам; пять проверочных лет измеряют её грубо).
summary-uncertainty-coverage = Выборки опираются на 80-процентные интервалы прогнозов; в проверке прогнозов этого запуска они накрыли от { $lo } до { $hi } последующих значений, по переменным (таблица выше); где это заметно ниже 80 %, эти диапазоны слишком узки.
summary-uncertainty-coverage-observed = На наблюдаемых рядах (официальных или данных пользователя) они накрыли от { $lo } до { $hi }.
summary-uncertainty-correlation = В проверке прогнозов этого запуска ошибки одного года коррелировали между рядами одной величины на уровне от { $lo } до { $hi }; для { $variable } ({ $basis }; { $n } { PLURAL($n, one: "ряд", few: "ряда", many: "рядов", other: "ряда") }, корреляция { $rho }) разброс их суммы был бы примерно в { $factor } раза больше, чем дают независимые выборки.
summary-cells = Ячейки «регион × секция»: { $list }.
shortages-heading = Крупнейшие дефициты
th-region = регион
th-section = секция
th-gap = дефицит (человек)
th-why = обоснование
quotas-heading = Квоты по регионам
th-code = код
th-foreign-quota = квота на иностранную рабочую силу
th-kandas-families = семьи кандасов
th-kandas-persons = кандасы, человек
kandas-why-heading = Квота кандасов: почему у региона столько семей
params-heading = Методы и параметры
params-body = Методы: <code>docs/methods.md</code> kvota { $version }. Параметры, действовавшие на использованные даты, со ссылками на нормативные акты:
th-parameter = параметр
th-value = значение
th-unit = единица
th-in-force = действует с
th-status = статус
th-reference = источник

## Проект приказа и приложение

order-draft-mark = ПРОЕКТ, рассчитанный kvota (расчёт { $run }, сценарий { $scenario }). Не принятый акт: юрист министерства проверяет и редактирует его.
order-authority = Приказ Министра труда и социальной защиты населения Республики Казахстан
order-title = Об установлении квоты на привлечение иностранной рабочей силы в Республику Казахстан на { $year } год
order-place-date = г. Астана, { $date }
order-preamble = В соответствии с { $basis } ПРИКАЗЫВАЮ:
order-point-ceiling = 1. Установить квоту на привлечение иностранной рабочей силы в Республику Казахстан на { $year } год в размере { $pct } % к численности рабочей силы ({ $lf } { PLURAL($lf, one: "человек", few: "человека", many: "человек", other: "человека") } за { $lf_year } год), что составляет { $ceiling } { PLURAL($ceiling, one: "человек", few: "человека", many: "человек", other: "человека") }.
order-point-distribution = 2. Распределить квоту в количестве { $distributed } { PLURAL($distributed, one: "человека", other: "человек") } между областями, городами республиканского значения и столицей по категориям работников согласно приложению 1 к настоящему приказу; { $reserve } { PLURAL($reserve, one: "человек", few: "человека", many: "человек", other: "человека") } { PLURAL($reserve, one: "составляет", other: "составляют") } резерв.
order-point-ict = Работники, переводимые в рамках внутрикорпоративного перевода, привлекаются вне квоты.
order-point-kandas = 3. Для регионов, определённых для расселения кандасов, региональная квота на { $year } год составляет { $families } { PLURAL($families, one: "семья", few: "семьи", many: "семей", other: "семьи") } ({ $persons } { PLURAL($persons, one: "человек", few: "человека", many: "человек", other: "человека") }) согласно приложению 2 к настоящему приказу.
order-point-basis = Цифры основаны на: { $basis }. Редакция: { $edition } от { $edition_date }.
order-point-force = 4. Настоящий приказ вводится в действие с { $date }.
order-basis-requests = строки заявок работодателей, проверенные по одной ({ $evidence })
order-basis-gap = расчётные дефициты кадров, а не заявки работодателей ({ $evidence })
order-basis-both = для квоты иностранной рабочей силы — { $foreign }; для квоты кандасов — { $kandas }
order-basis-kandas-order = доли приказа о региональной квоте на { $year } год ({ $evidence })
order-basis-kandas-shortage = расчётный дефицит кадров, который могут закрыть прибывающие ({ $evidence })
order-signature = Министр труда и социальной защиты населения Республики Казахстан
order-annex1-title = Приложение 1 к приказу. Квота на привлечение иностранной рабочей силы на { $year } год по регионам и категориям работников (человек)
order-annex2-title = Приложение 2 к приказу. Региональная квота приёма кандасов на { $year } год
order-th-no = № п/п
order-th-region = Область, город республиканского значения, столица
order-th-total = Всего
order-th-families = Семей
order-th-persons = Человек
order-total-row = Итого по Республике Казахстан
order-html-note = Версия проекта приказа для печати (A4). Тот же текст — в файле .docx рядом.

## Командная строка (числа без разделителей, чтобы их можно было копировать)

cli-run-scenario = сценарий { $scenario } ({ $run }), плановый год { $year }
cli-run-basis = основа данных: потребность в кадрах под квотой — синтетические { $open_syn }, оценки { $open_est }; внутреннее предложение — синтетические { $supply_syn }; вес индекса — синтетические { $score_syn }, оценки { $score_est } (отчёт, раздел «На чём основаны цифры»)
cli-run-requests = заявки работодателей ({ $evidence }): строк { $lines }, работодателей { $employers }, запрошено { $workers }, обосновано { $justified }; строк одобрено { $approved }, сокращено { $reduced }, отклонено { $rejected }, внутрикорпоративный перевод вне квоты { $ict }; отметок о работодателях { $flags } (requests_vetted.parquet, employer_flags.parquet)
cli-run-ceiling = квота на иностранную рабочую силу: предел { $ceiling } ({ $pct } % от рабочей силы { $lf } за { $lf_year } год), резерв { $reserve }, распределено { $distributed } из обоснованной потребности { $justified }
cli-run-categories = {"  "}по категориям: { $list }; метод { $method }
cli-category-seasonal = сезонные
cli-run-amendments = {"  "}изменений: { $n }; редакция { $id }: предел { $ceiling }, распределено { $distributed }, остаток резерва { $reserve }
cli-run-issued = {"  "}выдано разрешений { $issued }: использование { $pct }
cli-run-kandas = квота кандасов: семей { $families }, человек { $persons }, регионов { $regions } (расходы { $cost } из бюджета сценария { $budget } тенге, плановое допущение{ $capped }){ $split }
cli-run-kandas-capped = ; бюджет позволяет { $funded }, но регионы могут принять { $families }
cli-run-kandas-by-order = ; распределение по долям приказа на { $year } год (официальные данные)
cli-run-kandas-by-shortage = ; распределение по модельному дефициту (ячейки: { $grade })
cli-run-cells = ячейки: { $list }
cli-run-reality = сравнение с опубликованными данными за { $year } год: расстояние Дункана { $list } (reality.parquet)
cli-measure-category = категории
cli-measure-region = регионы
cli-measure-section = секции
cli-measure-kandas-region = кандасы по регионам
cli-measure-kandas-region-shortage = кандасы по регионам по дефициту
cli-calibrated = (откалибровано)
cli-by-previous-order = (перенесён приказ на { $year } год)
cli-warning = предупреждение: { $text }
cli-run-wrote = записано файлов: { $n } в { $dir }

## Summaries of kvota scenario run / compare, select and contract (figures without separators)

cli-batch-line = { $id } квота иностранной рабочей силы { $distributed } при потолке { $ceiling }; кандасы { $families } { PLURAL($families, one: "семья", few: "семьи", many: "семей", other: "семьи") }; ячеек с дефицитом { $shortage }
cli-batch-wrote = записано сценариев: { $n } в { $dir }
cli-compare-head = { $a } и { $b }: { PLURAL($changed, one: "различается", other: "различаются") } { $changed } из { $cells } { PLURAL($cells, one: "ячейки", other: "ячеек") }
cli-compare-totals = итого: дефицит { $gap_a } -> { $gap_b }, квота иностранной рабочей силы { $quota_a } -> { $quota_b }, семьи кандасов { $families_a } -> { $families_b }
cli-compare-wrote = записаны { $stem }.parquet, .csv и .svg (разницы по регионам)
cli-col-region = регион
cli-col-section = секц
cli-col-rating-a = оценка A
cli-col-rating-b = оценка B
cli-col-gap-a = дефицит A
cli-col-gap-b = дефицит B
cli-col-quota-a = квота A
cli-col-quota-b = квота B
cli-select-summary = заявителей { $n }: { $counts }; ячеек квоты { $cells }
cli-col-route = маршрут
cli-col-stage = этап
cli-col-entered = вошли
cli-col-passed = прошли
cli-col-rejected = отклонены
cli-col-invalid = некорректны
cli-outcome-invalid = некорректны
cli-outcome-rejected = отклонены
cli-outcome-eligible = допущены
cli-outcome-selected = отобраны
cli-outcome-waitlisted = в листе ожидания
cli-contract-summary = семей на { $date }: { $n }; { $statuses }
cli-contract-amounts = задолженность { $owed } тенге; ожидаемые возвраты по действующим договорам { $expected } тенге; удержание за срок договора { $retention } %
cli-status-not-started = не начат
cli-status-in-force = действует
cli-status-fulfilled = исполнен
cli-status-breached = нарушен
cli-backtest-head = рядов { $series }, использовано { $used }, горизонт { $horizon }, до { $origins } { PLURAL($origins, one: "точки", other: "точек") } отсчёта на ряд
cli-col-model = модель
cli-col-forecasts = прогнозов
cli-col-calibrated = калибровка
cli-backtest-calibrated = { $n } из { $origins }
cli-backtest-calibrated-note = калибровка: точки отсчёта, в которых интервалы откалиброваны по рядам так, как это сделал бы `kvota forecast`; в остальных и с --no-calibrate — собственные интервалы моделей
cli-skipped = пропущен { $id }: { $reason }

cli-forecast-head = прогноз для рядов: { $done } из { $series }, модель { $model } (перешли на более простую модель: { $fallbacks }), горизонт { $horizon }
cli-forecast-calibrated = интервалы откалиброваны по проверочным окнам (скользящие точки отсчёта): окон { $holdouts }, рядов { $series }
cli-forecast-too-few = интервалы: собственные интервалы модели (рядов, достаточно длинных для проверочного окна, меньше { $min })
cli-forecast-no-calibrate = интервалы: собственные интервалы модели (--no-calibrate)
cli-forecast-skipped = пропущено рядов: { $n } (причины в { $path })
cli-wrote = записан { $path }
skip-duplicate-period = период { $period } повторяется
skip-gap = пропуск: нет значения между { $after } и { $before }
skip-no-values = нет числовых значений
skip-missing-value = нет значения за { $period }
skip-too-short-backtest = наблюдений: { $values }, слишком мало для ретропроверки с горизонтом { $horizon }
skip-model-too-short = ряд слишком короткий: модели { $model } нужно не меньше { $need } { PLURAL($need, one: "наблюдения", other: "наблюдений") }, есть { $got }
skip-model-non-finite = в ряду пропущенное или нечисловое значение на позиции { $position }
skip-model-failed = модель не удалось оценить: { $detail }

## kvota ingest, validate, apportion and dataset build (the lines under the labels are the library's, in English)

cli-ingest-rows-read = строк прочитано
cli-ingest-rows-normalised = строк приведено
cli-ingest-flagged = ячеек с отметкой
cli-ingest-split = деление региона
cli-ingest-gap = пропуск
cli-ingest-skipped = пропущено
cli-ingest-footnote = сноска
cli-ingest-problem = ошибка
cli-ingest-wrote = записано строк: { $n } в { $path }
cli-validate-file = { $path }: строк: { $rows }
cli-validate-ok = верно
cli-validate-valid = проверено без ошибок, файлов: { $n }
cli-validate-problems = ошибок: { $problems } в файлах: { $files }
cli-apportion-wrote = распределено мест: { $seats } между единицами: { $units }; записан { $path }
cli-apportion-tie = равенство разрешено при числе мест { $house }: мест: { $seats }, среди { $units }
cli-dataset-note = примечание: { $text }

## Why an applicant is invalid, rejected or waitlisted (decisions.reason)

sr-invalid = заявка не прочитана: { $text }
sr-missing-answer = строка { $row }: нет ответа `{ $field }`, нужного этапу `{ $stage }`
sr-below-minimum = { $stage }: `{ $field }` { $value } ниже минимума { $min }
sr-not-below-limit = { $stage }: `{ $field }` { $value } не ниже предела { $limit }
sr-not-passed = { $stage }: не пройден
sr-below-pass-mark = { $stage }: баллов: { $points }, ниже проходного { $pass }
sr-no-region = у маршрута `{ $route }` квоты по регионам, а в заявке регион не указан
sr-no-section = у маршрута `{ $route }` квоты по отраслям, а в заявке отрасль не указана
sr-no-quota = для ячейки нет квоты
sr-rank = место { $rank } из { $of }; мест в квоте: { $slots }


## Progress on a terminal (the stages of long work)

progress-loading = загрузка параметров и панели
progress-rating = оценка дефицита
progress-allocating = распределение квот
progress-simulating = моделирование неопределённости
progress-writing-outputs = запись результатов
progress-writing-report = запись отчёта
progress-forecasting = прогнозирование


## The checks kvota validate lists per panel file

check-region-years = 20 регионов x годы { $first }-{ $last } ({ $years }), ключи не повторяются
check-labour-identities = занятые <= рабочая сила <= население; безработные = рабочая сила - занятые
check-cell-keys = 20 регионов x секции { $sections } ({ $n }) x годы панели ({ $years }), ключи не повторяются
check-cell-sum = занятость по секциям складывается в занятость региона (наибольшее расхождение { $gap } %)
check-national-sum = одна строка на год панели; занятость по стране = сумма регионов
check-age-shares = одна строка на регион; доли в сумме дают 1
check-source-map = карта источников: описано столбцов: { $columns } (официальных: { $official }, оценочных: { $estimated }, синтетических: { $synthetic }, загруженных: { $ingested })
check-volume-indices = каждая секция и год панели по одному разу; индексы физического объёма в допустимых пределах
check-skill-shares = одна строка на секцию панели; доли в сумме дают 1
check-indicators = официальные региональные показатели; лет панели, покрывающих все регионы: { $covered } из { $years }

## Warnings (the manifest keeps the English text)

warn-unverified-parameter = параметр { $name } использует значение, не сверенное с источником ({ $reference })
warn-no-reference = нет папки опубликованных решений { $path }: расчёт не сравнивается с опубликованными решениями
warn-issued-above-quota = { $file }: выдано разрешений { $issued } в ({ $region }, { $section }, { $category }) сверх квоты { $quota }
warn-cell-sum-gap = { $cell_file }: занятость по секциям расходится с { $region_file } до { $pct } % ({ $worst })
warn-national-differs = { $file }: занятых по стране { $national } в { $year } году не равно сумме регионов { $sum }
warn-data-cut = данные обрезаны на { $year } году: более поздние годы панели не используются
warn-forecast-no-better-than-naive = { $file } { $variable }: в проверке прогнозов этого запуска MASE модели { $mase } не ниже, чем у случайного блуждания ({ $naive }); прогнозы этой наблюдаемой величины оказались не лучше переноса последнего значения
warn-intervals-too-narrow = { $file } { $variable }: в проверке прогнозов этого запуска откалиброванные 80- и 95-процентные интервалы накрыли лишь { $cov80 } % и { $cov95 } % последующих значений; диапазоны неопределённости этой наблюдаемой величины слишком узки
warn-intervals-too-wide = { $file } { $variable }: в проверке прогнозов этого запуска откалиброванные 80- и 95-процентные интервалы накрыли { $cov80 } % и { $cov95 } % последующих значений; диапазоны неопределённости этой наблюдаемой величины слишком широки

## Units of the dated parameters (the report's parameter table)

unit-percent-of-labour-force = % от рабочей силы
unit-share = доля (0-1)
unit-kzt = тенге
unit-kzt-per-mci = тенге за МРП
unit-mci = МРП
unit-mci-per-person = МРП на человека
unit-mci-per-month = МРП в месяц
unit-months = месяцы
unit-years = годы
unit-days = дни
unit-points = баллы
unit-persons = человек
unit-region-list = список регионов
unit-section-list = список секций ОКЭД
unit-persons-by-category = человек по категориям работников
unit-persons-by-region = человек по регионам
unit-share-by-category = доля по категориям работников
unit-share-by-level = доля по уровням образования
unit-range = диапазон (мин., макс.)
unit-ratio = отношение
unit-yes-no = да (1) или нет (0)
unit-occupation-list = список занятий МСКЗ-08
unit-category-by-occupation = категория работника по занятию
unit-severity-by-flag = серьёзность по признаку нарушения
unit-text-by-language = текст на казахском, русском, английском

## The numbers behind the integrity flags of employers' request lines (employer_flags.evidence)

fe-seasonal-outside = сезонные работники запрошены в секции { $section }
fe-surplus-cell = { $region } x { $section }: оценка «избыток»
fe-citizens-available = на { $posts } { PLURAL($posts, one: "место", few: "места", many: "мест", other: "места") } откликнулись подходящие граждане: { $applicants }
fe-wage-below-median = предлагает { $offered } тенге при { $median } (МСКЗ { $major } в регионе { $region }, заработки { $year } года, пересчитанные) и минимальной зарплате { $minimum }
fe-local-content = граждан в штате { $citizens } в категории { $category } допускают иностранных работников: { $allowed }
fe-oversized-request = работников запрошено { $workers } работодателем со штатом { $staff }
fe-low-prior-use = использовано { $used } из прошлогодней квоты { $quota }
fe-unknown-project = ссылается на проект { $project }, которого нет в таблице проектов
fe-ended-project = ссылается на проект { $project }, завершённый { $end }
fe-no-posting = вакансия не размещена на электронной бирже труда
fe-late-posting = вакансия { $posting } от { $posted }, за { $days } дн. до заявки от { $submitted } (нужно не менее { $needed })
fe-elementary-occupation = занятие { $occupation } — неквалифицированный труд, заявлена категория { $declared }
fe-other-category = занятие { $occupation } относится к категории { $derived }, заявлена { $declared }
fe-not-seasonal-work = сезонная заявка на занятие { $occupation }, не сезонные сельхозработы
fe-shared-posting = на вакансию { $posting } ссылаются работодатели { $employers }
fe-linked-employers = работодатели { $employers } имеют общего руководителя или адрес и вместе запрашивают { $workers } { PLURAL($workers, one: "работника", few: "работника", many: "работников", other: "работника") } в регионе { $region }, группа МСКЗ { $isco } (граждан в их штате: { $citizens })
fe-roll-many = заявок: { $n }; { $first }

## What a comparison with the published decisions shows (reality.note)

rn-ceiling-legal = потолок kvota — это законный параметр, то есть сама опубликованная цифра
rn-ceiling-overridden = сценарий заменяет законный потолок
rn-distributed = опубликованная цифра — первая редакция приказа (категории 1-4 и сезонные); у kvota — обоснованная потребность в пределах потолка
rn-categories = по категориям, которые перечисляет приказ ({ $list })
rn-categories-order-shares = kvota делит свою квоту по долям этого же приказа, поэтому совпадение ничего не доказывает
rn-categories-calibrated = заявки откалиброваны по итогам категорий этого приказа, поэтому совпадение ничего не доказывает
rn-regions = первая редакция приказа в источнике перечисляет регионов: { $n }; остальные из { $total } { PLURAL($total, one: "человека", other: "человек") } — «прочие»
rn-stock = опубликовано: численность иностранных работников с разрешениями на { $date } (структура, а не квота: ближайшая опубликованная отраслевая разбивка); не перечисленные секции — «прочие»
rn-kandas = человек
rn-kandas-calibrated = человек; бюджет сценария задан по опубликованному итогу, поэтому итог ничего не доказывает
rn-kandas-by-order = kvota распределяет по долям приказа на { $year } год, поэтому расстояние показывает, насколько изменились приказы, а не качество модели рынка труда
rn-kandas-by-shortage = человек; распределение по модельному дефициту рядом с квотой (не квота): насколько модель рынка труда далека от приказа
rn-undefined = у kvota ничего нет, поэтому структура не определена.

## Why a request line has its quota (requests_vetted.explanation)

rl-head = { $request } ({ $employer }): работников { $workers }, занятие { $occupation }, категория { $category }, { $cell }
rl-tail = обосновано { $justified }, квота { $quota } ({ $decision })
rl-tail-ict = допущено вне квоты (ВКП): { $justified }
rl-flags = Признаки: { $list }
rl-decision-approved = одобрена
rl-decision-reduced = сокращена
rl-decision-rejected = отклонена
rl-decision-outside-quota = вне квоты
rl-closed-section = секция { $section } закрыта для иностранных работников
rl-closed-occupation = занятие { $occupation } (МСКЗ { $code }) закрыто для иностранных работников
rl-seasonal-section = сезонные работники допускаются только в сельском хозяйстве, не в секции { $section }
rl-unrated-cell = в панели нет ячейки { $cell } для оценки
rl-surplus-project = { $cell }: оценка «избыток», но заявка ссылается на действующий проект { $project }
rl-surplus-cell = { $cell }: оценка «избыток»
rl-citizens-reject = откликнулись подходящие граждане: { $applicants }
rl-citizens-reduce = откликнулись подходящие граждане: { $applicants } -> { $left }
rl-wage-floor = зарплата { $wage } ниже порога { $floor }
rl-local-content = казахстанское содержание допускает { $allowed }
rl-ict-limited = ВКП ограничен до { $allowed } при { $citizens } { PLURAL($citizens, one: "гражданине", other: "гражданах") } в штате
rl-no-posting = вакансия не размещалась на бирже
rl-late-posting = вакансия размещена за { $days } дн. до заявки, а не за { $needed }
rl-posted-before = размещена за { $days } дн. до заявки
rl-occupation-not-admitted = занятие { $occupation } не допускается в категориях 1-4
rl-counted-in-category = учтено в категории { $category } (категории занятия)
rl-ceiling-leaves = потолок оставляет { $quota } из { $justified }
rl-seasonal-limit = сезонный лимит { $limit } оставляет { $left } из { $justified }

## Errors: the message, each cause once, and what to do next

cli-error = ошибка: { $text }
cli-cause = {"  "}причина: { $text }
cli-missing = { $path }: не найдено ({ $what })
missing-scenario = файл сценария
missing-panel = папка панели
missing-params = папка датированных параметров
missing-data-file = файл `[data] { $key }` сценария
cli-hint = {"  "}что сделать: { $text }
hint-scenario-missing = укажите путь к файлу сценария: --scenario FILE (относительно текущей папки); встроены в kvota: { $builtin }
hint-panel-missing = укажите папку панели: --data DIR, или задайте [data] panel в сценарии (путь там отсчитывается от файла сценария)
hint-params-missing = укажите папку датированных параметров: --params DIR, или задайте [data] params в сценарии (путь там отсчитывается от файла сценария)
hint-data-file-missing = задайте в сценарии [data] { $key } — путь к файлу (относительно файла сценария) или "", чтобы считать без него
hint-file-missing = проверьте путь и имя файла
hint-input = исправьте файл в указанном месте и запустите снова; kvota не изменила входных файлов и ничего не записала
hint-scenario = исправьте эту строку файла сценария; все ключи, их смысл и значения по умолчанию — в scenarios/defaults/planner.toml
hint-param = исправьте этот параметр в его файле или укажите другую папку параметров: --params DIR
hint-inconsistent = согласуйте таблицы и запустите снова; kvota ничего не записала
hint-infeasible = измените одну из названных настроек и запустите снова; kvota ничего не записала
hint-internal = это ошибка kvota, а не входных данных: сообщите о ней, приложив команду и входные файлы

## Errors of the library: where, and what is wrong there (src/error.rs, Msg)

at-row = { $file }, строка { $row }
at-column = { $file }, столбец `{ $column }`
at-cell = { $file }, строка { $row }, столбец `{ $column }`
err-param = параметр `{ $name }`: { $text }
err-infeasible = невыполнимо: `{ $constraint }`: { $text }
err-dataset = сборка набора данных: { $text }
err-internal = внутренняя проверка не пройдена: { $text }
err-file-empty = файл пуст
err-file-binary = файл двоичный, а не текст с разделителями
err-not-delimited = не читается как текст с разделителями: { $detail }
err-header-only = в файле есть заголовок, но нет строк данных
err-column-unnamed = у столбца пустое имя
err-column-twice = столбец дважды встречается в заголовке
err-not-parquet = не читается как файл Parquet: { $detail }
err-no-rows = в файле нет строк
err-column-missing-has = нет обязательного столбца (в файле есть: { $columns })
err-column-missing = нет обязательного столбца
err-empty-value = пустое значение; ожидается { $what }
what-count = целое неотрицательное число
what-number = число
err-negative-count = отрицательное число { $value }
err-not-whole = `{ $value }` — не целое число
err-not-number = `{ $value }` — не число
err-not-date = `{ $value }` — не дата (ГГГГ-ММ-ДД)
err-oked-code = `{ $value }` — не код ОКЭД
err-oked-division = `{ $value }`: раздела ОКЭД { $division } не существует
err-oked-code-or-section = `{ $value }` — не буква секции ОКЭД (A-U) и не код класса вида 41.20
err-oked-section = `{ $value }` — не секция ОКЭД (ожидается одна буква A-U)
err-occupation = `{ $value }` — не код занятия МСКЗ-08 (от 1 до 4 цифр)
err-category = `{ $value }` — не категория работников (ожидается 1, 2, 3, 4 или seasonal)
err-or-ict = или ict для внутрикорпоративного перевода
what-request-id = идентификатор заявки
what-employer-id = псевдонимный идентификатор работодателя
what-region-code = код региона ISO 3166-2:KZ
what-oked = буква секции ОКЭД или код класса
what-occupation = код занятия МСКЗ-08
what-category = категория работников (1, 2, 3, 4, seasonal) или ict
what-wage = месячная зарплата в тенге
err-negative-wage = отрицательная зарплата { $value }
what-date = дата (ГГГГ-ММ-ДД)
err-evidence = `{ $value }` — не одно из official, ingested, estimated, synthetic
err-duplicate-request = повторный идентификатор заявки (также в строке { $prev }); у каждой строки заявки свой идентификатор
err-citizens-exceed-staff = граждан в штате { $citizens }, а всего работников только { $staff }; проверьте оба столбца
err-posting-without-date = идентификатор вакансии без даты; укажите дату размещения вакансии на бирже
err-used-exceeds-quota = использовано { $used } { PLURAL($used, one: "разрешение", few: "разрешения", other: "разрешений") } при квоте { $quota }; использованных не может быть больше квоты
what-project-id = идентификатор проекта
what-project-status = planned, active или finished
err-project-status = `{ $value }` — не статус проекта (planned, active, finished)
err-duplicate-project = повторный идентификатор проекта (также в строке { $prev })
err-project-ends-first = проект заканчивается ({ $end }) раньше, чем начинается ({ $start })
what-region-name = название региона
err-wage-positive = зарплата должна быть положительной
err-category-or-ict = `{ $value }` — не категория работников (ожидается 1, 2, 3, 4 или seasonal) и не ict (внутрикорпоративный перевод)
err-region-empty = пустое название региона
err-region-code = `{ $value }` — не код ISO 3166-2:KZ нынешнего или прежнего региона
err-region-unknown = неизвестное название региона `{ $value }`
err-region-ambiguous = неоднозначное название региона `{ $value }`: это может быть { $areas }; допишите `city` или `region`
err-region-not-current = `{ $value }` обозначает { $area }, а не один из 20 нынешних регионов
err-region-closest = ближайшие известные названия: { $names }
word-or = или
cfg-id = `{ $value }` не должен быть пустым и может содержать только буквы, цифры, - и _
cfg-target-year = { $value } вне диапазона 2000..2100
cfg-draws = { $value } { PLURAL($value, one: "прогон", few: "прогона", other: "прогонов") }: не больше 100000
cfg-backtest-origins = { $value } { PLURAL($value, one: "точка", few: "точки", other: "точек") } отсчёта: не больше 20
cfg-common-shocks = общие шоки коррелированы так, как измеряет ретроспективная проверка прогона; задайте [forecast] backtest_origins больше 0 или common_shocks = false
cfg-coverage-tolerance = { $value } п.п.: должно быть от 0 до 50
cfg-calibrated = `{ $value }` — не показатель (допустимы: { $measures })
cfg-cutoffs = нужно surplus_cutoff < shortage_cutoff (заданы { $surplus } и { $shortage })
cfg-output-growth = секция { $section }: { $value } % в год вне диапазона -50..100
cfg-share = должно быть долей в [0, 1]
cfg-rating = оценка `{ $value }` — не shortage, balanced, surplus и не undetermined
cfg-override-reason = для замены оценки { $region } / { $section } нужна причина
cfg-percentage = должно быть процентом в [0, 100)
cfg-non-negative-ge = должно быть >= 0
cfg-backtest-years = не должен быть позже backtest_last_year
cfg-band = [{ $lo }, { $hi }] — не интервал вероятностей
cfg-factors = множители должны быть неотрицательными числами
cfg-first-divisor = first_divisor { $value } вне [1, 2)
cfg-method = неизвестный метод `{ $value }` (proportional или lp)
cfg-reserve-share = { $value } вне [0, 1)
cfg-ceiling = { $value } — не процент в (0, 100]
cfg-min-coverage = { $value } — не доля в [0, 1]
cfg-needs-lp = для region_capacity, section_floor, section_cap и min_coverage нужен method = "lp"
cfg-floor-above-cap = секция { $section }: нижняя граница { $lo } выше верхней { $hi }
cfg-amendment = изменение `{ $id }`: { $text }
cfg-non-negative-amount = должно быть неотрицательной суммой
cfg-at-least-one = должно быть не меньше 1
cfg-working-members = не может быть больше family_size
cfg-non-negative = должно быть неотрицательным
cfg-split = неизвестное распределение `{ $value }` (previous_order или shortage)
cfg-fan-cell = [output] fan_cells: `{ $value }` — не ячейка панели (пишите код региона / букву секции, например "KZ-35/P")
cfg-plain-date = `{ $value }` — не дата без времени (ГГГГ-ММ-ДД)
err-personal-column = похоже на персональные данные; kvota принимает только псевдонимные идентификаторы — удалите столбец
err-id-empty = идентификатор пуст
err-id-iin = похоже на настоящий ИИН или БИН (двенадцать цифр); kvota принимает только псевдонимные ключи — замените его ключом вида E-000123
what-family-id = псевдонимный идентификатор семьи
what-members = число членов семьи (1 или больше)
err-members = `{ $value }` — не число членов семьи (1 или больше)
err-duplicate-family = повторный идентификатор семьи (также в строке { $prev })
what-item = статья поддержки
err-one-of = `{ $value }` — не одно из значений { $options }
err-no-mci = на эту дату нет МРП: { $detail }
err-not-amount = `{ $value }` — не неотрицательная сумма
err-amount-both = укажите amount_mci или amount_kzt, но не оба
err-amount-none = нет суммы: укажите amount_mci или amount_kzt
err-payment-family = платёж относится к семье `{ $family }`, которой нет в таблице семей
err-move-family = переезд относится к семье `{ $family }`, которой нет в таблице семей
err-tie = на { $seats } { PLURAL($seats, one: "место", few: "места", other: "мест") } при размере палаты { $house } поровну претендуют { $units }; решать должен человек (или передайте --break-ties, чтобы отдать их большему весу, затем более ранней единице)
prm-no-files = не найдено файлов параметров (*.toml)
prm-unknown = такого параметра нет в data/params
prm-unknown-close = такого параметра нет в data/params; может быть, имелся в виду { $close }?
prm-not-in-force = на { $date } нет действующего значения; первое значение вступает в силу { $first }
prm-not-number = имеет тип { $unit }, а не число
prm-not-regions = имеет тип { $unit }, а не список регионов
prm-not-sections = имеет тип { $unit }, а не список секций
prm-not-codes = имеет тип { $unit }, а не список кодов
prm-not-texts = имеет тип { $unit }, а не текст по языкам
prm-not-table = имеет тип { $unit }, а не таблица
prm-invalid-file = ошибка в файле параметров: { $detail }
prm-no-values = не имеет значений
prm-effective-date = effective `{ $value }` — не дата (ГГГГ-ММ-ДД)
prm-no-reference = у значения с { $effective } нет ссылки на норму права
prm-value-effective = значение с { $effective }: { $text }
prm-dates-increase = даты вступления в силу должны возрастать: { $later } идёт после { $earlier }
prm-expected-number = ожидается число, найдено { $found }
prm-expected-regions = ожидается список кодов ISO 3166-2:KZ
prm-expected-region-strings = коды регионов ожидаются строками
prm-not-region-code = `{ $value }` — не код региона ISO 3166-2:KZ
prm-region-twice = регион { $value } указан дважды
prm-expected-sections = ожидается список букв секций ОКЭД
prm-expected-section-strings = буквы секций ожидаются строками
prm-section-twice = секция { $value } указана дважды
prm-expected-table = ожидается таблица
prm-expected-codes = ожидается список кодов МСКЗ-08
prm-expected-code-strings = коды МСКЗ-08 ожидаются строками
prm-not-isco = `{ $value }` — не код МСКЗ-08 (от 1 до 4 цифр)
prm-code-twice = код { $value } указан дважды
prm-expected-texts = ожидается таблица текстов: {"{"} kk = "...", ru = "...", en = "..." {"}"}
prm-not-language = `{ $value }` — не язык, на котором пишет kvota (kk, ru, en)
prm-expected-text = `{ $value }`: ожидается текст
prm-text-missing = нет текста на `{ $value }` (укажите kk, ru и en)
prm-share = доля { $value } вне 0..1
prm-percentage = процент { $value } вне 0..100
prm-yes-no = { $value } — ни 1 (да), ни 0 (нет)
prm-category = { $value } — не категория работников 1-4 (или 0, если нет)
prm-severity = { $value } — не степень 1 (низкая), 2 (средняя) или 3 (высокая)
prm-negative = отрицательное значение { $value }
prm-shares-sum = доли по уровням в сумме дают { $sum }, а не 1
err-more-problems = (и ещё проблем: { $more }; `kvota validate` покажет все)
err-no-observations = из файла не удалось прочитать ни одного наблюдения
err-duplicate-observation = повтор: { $indicator } { $region } { $period } уже задано в { $first }
err-region-code-empty = пустой код региона
err-period = `{ $value }` — не период (2024, 2024Q3, 2024-11)
err-period-use = `{ $value }` — не период (пишите 2023, 2023Q2 или 2023-05)
err-period-kind = период `{ $value }` записан иначе, чем в строке { $first }; в одной таблице — один вид периодов
err-table-no-rows = в таблице нет строк
what-series-id = идентификатор ряда
what-period = обозначение периода
err-open-data-columns = (в выгрузке открытых данных stat.gov.kz есть столбцы NAM, DAT, PERIOD, { $region }, { $latin }, VAL)
err-many-indicators = в файле { $count } { PLURAL($count, one: "показатель", few: "показателя", other: "показателей") } ({ $names }); --indicator слил бы их в один
err-indicator-empty = пустое название показателя
err-period-label = `{ $value }` — не обозначение периода вида `2006 год` или `3 квартал 2015 г.`
err-period-dat = `{ $value }` не совпадает с DAT `{ $dat }`, последний месяц которого { $month }
err-region-two-names = `{ $value }` обозначает { $area }, а { $column } `{ $latin }` — { $other }
scn-extends-path = `extends` должен быть путём к другому файлу сценария
scn-extends-cycle = `extends` образует цикл через { $path }
scn-extends-missing = `extends`: { $path } не найден (путь отсчитывается от этого файла)
scn-extends-id = сценарию, который расширяет другой, нужен свой `id`
scn-unknown-key-one-of = неизвестный ключ `{ $key }`, ожидается один из: { $keys }
scn-unknown-key = неизвестный ключ `{ $key }`, ожидается { $keys }
run-target-year = target_year { $target } должен быть позже последнего года данных ({ $last })
run-skill-file = для подбора по навыкам нужен { $file } в папке панели { $folder } (или задайте skill_matching = false)
run-wage-scale = в панели нет средней зарплаты по стране за { $year } или { $filed }, нужной для пересчёта зарплат по занятиям
run-id-twice = идентификатор сценария `{ $id }` дважды встречается в пакете
run-same-id = у обоих сценариев идентификатор `{ $id }`
area-republic = Республика Казахстан (итого по стране)
area-south-kazakhstan = Южно-Казахстанская область (до 2018 года) ({ $code })
what-integer = целое число
err-not-integer = `{ $value }` — не целое число
err-duplicate-key-row = повторный ключ ({ $key }): он уже есть в строке { $prev }
err-duplicate-key = повторный ключ ({ $key })
pnl-employed-exceeds = employed { $employed } больше labour_force { $lf }
pnl-unemployed = unemployed { $unemployed } не равно labour_force - employed = { $gap }
pnl-lf-exceeds = labour_force { $lf } больше population { $population }
pnl-no-row-region-year = нет строки для { $region } за { $year }
pnl-year-not-in = года { $year } нет в { $file }
pnl-zero-wage = нулевая зарплата в ячейке с занятыми
pnl-no-row-cell = нет строки для { $region } / секции { $section } за { $year }
what-price-index = индекс цен (предыдущий год = 100)
pnl-price-index = `{ $value }` — неправдоподобный индекс цен (предыдущий год = 100)
pnl-duplicate-year = повторный год { $year }
pnl-no-row-year = нет строки за { $year }
what-share = доля от 0 до 1
pnl-share = `{ $value }` — не доля от 0 до 1
pnl-age-shares = доли возрастных групп в сумме дают { $sum }, а не 1
pnl-duplicate-region = повторный регион { $region }
pnl-no-row-for = нет строки для { $what }
pnl-cut = last_year { $year } должен быть годом панели ({ $first }..{ $last }), до которого не меньше трёх лет данных
what-section = буква секции ОКЭД
what-volume-index = индекс физического объёма в % к предыдущему году
pnl-volume-index = `{ $value }` — не индекс физического объёма от 10 до 400 (% к предыдущему году)
pnl-no-row-section-year = нет строки для секции { $section } за { $year }
pnl-shares-sum = доли в сумме дают { $sum }, а не 1
pnl-duplicate-section = повторная секция { $section }
pnl-no-row-section = нет строки для секции { $section }
what-year = год
pnl-year = `{ $value }` — не год от 1990 до 2100
pnl-years-gap = годы идут с пропуском: за { $year } следует { $next }
pnl-few-years = лет всего { $count }; для прогноза нужно не меньше 4
what-evidence = official, ingested, estimated или synthetic
pnl-evidence = `{ $value }` — не official, ingested, estimated и не synthetic
pnl-not-evidence = не official, ingested, estimated и не synthetic
what-worker-category = категория работников (1, 2, 3, 4 или seasonal)
req-seasonal-section = сезонные работники допускаются только в сельское хозяйство (секция A), а не в секцию { $section }
req-duplicate = повторная заявка ({ $key }): она уже есть в строке { $prev }; сложите работодателей по ячейке и категории
what-unit = название единицы
what-non-negative = неотрицательное число
err-duplicate-unit = повторная единица `{ $unit }`
err-not-year = `{ $value }` — не год
what-region-code-or-name = код или название региона
what-persons = целое число человек
ref-total-differs = { $total } отличается от { $earlier } в более ранней строке за { $year }
ref-region-twice = { $region } дважды встречается за { $year }
err-sdg-columns = (в файле данных ЦУР БНС есть столбцы Year, UNIT_MEASURE, разрезы, Value)
ed-id-used = идентификатор уже занят более ранней редакцией
ed-dated-before = датировано { $date }, раньше предыдущей редакции ({ $previous })
ed-twice = изменяет ({ $key }) дважды; дайте одно итоговое изменение на ячейку и категорию
ed-seasonal = сезонные разрешения — для сельского хозяйства (секция A), а не для секции { $section }
ed-not-shortage = добавляет { $delta } { PLURAL($delta, one: "разрешение", few: "разрешения", other: "разрешений") } в { $cell }, где дефицит не установлен: иностранных работников допускают только туда, где есть дефицит
ed-withdraws = изымает { $delta } { PLURAL($delta, one: "разрешение", few: "разрешения", other: "разрешений") } из ({ $key }), где их { $before }
ed-reserve = нужно { $delta } { PLURAL($delta, one: "разрешение", few: "разрешения", other: "разрешений") } для ({ $key }), а в резерве осталось { $reserve }
fq-not-count = категория { $category }: { $value } — не количество
fq-no-counts = действующий приказ не даёт чисел по категориям 1-4, поэтому распределение не определено
fq-no-value = нет значения для категории { $category }
fq-not-share = категория { $category }: { $value } — не доля в (0, 1]
fq-needs-lp = для ёмкостей регионов, нижних и верхних границ секций и минимального покрытия нужен method = "lp"
kq-no-key = нет `{ $key }`
kq-rent-range = { $value } МРП в месяц вне установленного законом диапазона { $min }-{ $max } МРП
kq-no-region = на этот год не определено ни одного региона
kq-not-designated = { $region } не входит в регионы расселения этого года
kq-budget = бюджет { $budget } тенге меньше стоимости одной семьи ({ $cost } тенге)
kq-no-shortage = ни в одном определённом регионе не найден дефицит кадров, который могли бы восполнить прибывающие, поэтому распределение по дефициту не определено (задайте [kandas] split = "previous_order")
kq-no-order = до целевого года нет действующего приказа о региональной квоте, поэтому распределение по прошлому приказу не определено (добавьте приказ в kandas.regional_quota или задайте [kandas] split = "shortage")
kq-order-regions = приказ на { $year } не называет ни одного из регионов, определённых на этот год (задайте [kandas] split = "shortage")
vet-isco-prefix = `{ $value }` — не префикс кода МСКЗ-08
vet-no-severity = нет степени для признака { $flag }
vet-not-flag = `{ $value }` — не признак (допустимы: { $flags })
pst-unterminated = файл обрывается внутри поля в кавычках (обрезан?)
pst-read-error = ошибка чтения: { $detail }
pst-binary = двоичные данные, а не текст с разделителями
pst-no-header = нет строки заголовка
pst-no-date-column = нет столбца даты (date, published_at, created_at, дата); укажите месяц выгрузки: --month ГГГГ-ММ
pst-no-region-column = нет столбца региона (region, area, city, регион, область, город) и нет ссылки (link, url), из которой его прочитать
pst-fields = полей { $fields }, а в заголовке { $width } (строка обрезана или сдвинута)
pst-date = `{ $value }` — не дата (2024-11-05 или 05.11.2024)
pst-link-region = в ссылке `{ $value }` нет региона
xls-unreadable = не читается как электронная таблица (.xlsx, .xls, .ods): { $detail }
xls-sheet-unreadable = лист `{ $sheet }` не читается: { $detail }
xls-no-layout = ни на одном листе нет таблицы БНС (строка лет над строками регионов): { $skipped }
xls-header = заголовок `{ $value }` — не квартал, не месяц и не `year`
xls-sub-period = над подпериодом `{ $value }` нет года
xls-no-label = значения в строке без названия региона
xls-region-again = `{ $value }` снова обозначает { $area } (впервые в строке { $first }); две строки одной таблицы не могут быть одним регионом
err-not-a-cell = `{ $value }` — не число и не один из знаков -, x, ..., которыми обозначают отсутствие числа
ing-recoded = { $indicator }: значения { $from } за { $span } перекодированы в { $to } (Южно-Казахстанская область до разделения 2018 года: у Шымкента значений до этого нет)
ing-old-borders = { $indicator }: значения { $parent } за { $span } — в границах до 8 июня 2022 года (они включают нынешнюю { $units }, у которой значений до этого нет)
ing-before-formed = { $indicator }: у { $code } есть значения за { $span }, до образования региона (оценки или пересчёты источника)
ing-span = { $first }..{ $last } ({ $count } { PLURAL($count, one: "период", few: "периода", other: "периодов") })
ing-series-section = { $indicator } { $code } секция { $section }
ing-gap = { $series }: нет строки за { $periods }
ing-gap-more = и ещё { $more }
pst-more-problems = ещё проблем, не показанных здесь: { $count }
pst-unclassified = вакансий без распознанной секции ОКЭД: { $count } (учтены без секции)
pst-salaries = зарплаты: { $kzt } в тенге ({ $gross } до вычета налогов, { $net } на руки, у остальных не указано) взяты в медианы как напечатаны; не указаны у { $none }
pst-currency = зарплат в { $currency }: { $count }, они не вошли в медианы (валютный курс не применяется)
pst-bad-salaries = непонятных записей зарплаты: { $count }: { $examples }
pst-bands = группы по опыту (в таблицу не входят): { $bands }
xls-sheet-empty = лист `{ $sheet }`: пуст
xls-sheet-skipped = лист `{ $sheet }`: { $reason }
xls-no-years = нет строки лет
xls-no-values = есть строка лет, но нет столбцов значений
xls-no-label-column = слева от значений нет столбца названий
xls-empty-column = лист `{ $sheet }`, столбец { $column } ({ $period }): ни в одной строке нет значения
sdg-broken-down = строк в разрезе пола, возраста или город/село: { $count } (оставлены итоги)
sdg-towns = строк по городам и районам: { $count } (оставлены регионы)
sdg-activities = строк итогов по видам деятельности и видов деятельности, не являющихся секциями ОКЭД: { $count }
lp-unit-bounds = его минимум { $min } больше максимума { $max }
lp-floor-cap = её нижняя граница { $floor } выше верхней { $cap }
lp-floor-capacity = её нижняя граница { $floor } больше { $capacity }, которые могут принять её ячейки
lp-cap-floors = её верхняя граница { $cap } ниже { $floors }, которые должны получить её ячейки
lp-hard = границы ячеек и эти жёсткие ограничения не могут выполняться вместе
lp-relax-floor = { $group }: снизить нижнюю границу на { $by }
lp-relax-cap = { $group }: поднять верхнюю границу на { $by }
lp-relaxation = эти настройки не могут выполняться все сразу; наименьшее изменение, при котором они выполнимы: { $relaxed }
lp-relaxation-with = эти настройки не могут выполняться все сразу при ограничениях: { $against }; наименьшее изменение, при котором они выполнимы: { $relaxed }
lp-group-ceiling = предел квоты
lp-group-region = ёмкость региона { $region }
lp-group-section = секция { $section }
lp-group-categories = категории { $cell }
ap-unit-bounds = единица { $unit }: минимум { $min } выше максимума { $max }
ap-minimums = минимумы в сумме дают { $minimums }, а мест всего { $seats }
ap-maximums = максимумы (и единицы с нулевым весом) допускают только { $maximums }, а мест { $seats }
ap-seat-each = { $method } сначала даёт по месту каждой единице с весом, но таких единиц { $units }, а мест { $seats }
ap-upper-quota = при размере палаты { $house } ни одна единица не может получить место в пределах своей верхней квоты и максимума
ap-no-weight = ни у одной свободной единицы нет веса, чтобы получить оставшиеся места
ap-raise-from-pool = чтобы поднять единицы до их минимума, нужно { $need } { PLURAL($need, one: "место", few: "места", other: "мест") }, а остатки дают только { $pool }; правило «сначала минимумы» может их обеспечить
ds-cell-wages = зарплаты ячеек: средняя зарплата по стране x официальные региональные и отраслевые соотношения часовой оплаты ({ $first }-{ $last }; вне этих лет — по ближайшему году)
ds-demo-requests = демонстрационные заявки (синтетические, { $file }): откалиброваны по итогам приказов по категориям, численности по секциям и опубликованным квотам регионов
ds-values-from = { $column }: значений из { $table }: { $count }
ds-2015 = 2015: занятые по регионам интерполированы (среднее геометрическое 2014 и 2016 годов) и приведены к итогу БНС по секциям; рабочая сила = занятые / (1 - официальный уровень безработицы региона за 2015 год, ЦУР 8.5.2)
ds-oews-suppressed = потребность в навыках: скрытые ячейки OEWS (`-`): { $count }, учтены как 0
ds-2022-split = { $what }: Абай, Жетысу и Улытау до 2022 года выделены из прежних областей по долям 2022 года
what-employed = занятые
what-labour-force = рабочая сила
ds-population-south = население: Южно-Казахстанская область за 2010-2016 годы разделена на Туркестанскую область и Шымкент по долям 2017 года
ds-population-extrapolated = население: годы после { $year } экстраполированы и приведены к итогам по стране на 1 января { $targets }
ds-ipf = занятость регион x секция: IPF к итогам регионов (точно), итогам секций по стране (наибольшее отклонение после округления { $deviation } чел.) и в { $official } из { $years } { PLURAL($years, one: "года", other: "лет") } к официальным итогам регион x группа видов деятельности (A, B-F, G-S)
ds-no-regional = нет региональных данных ({ $what }) за { $year }
ds-no-value = нет данных ({ $what }) для { $region } за { $year }
ds-no-2015-rate = нет уровня безработицы за 2015 год для { $region } (ЦУР 8.5.2)
ds-no-2015-total = нет итога по секциям за 2015 год
ds-lf-below = рабочая сила меньше занятых для { $region } за { $year }
ds-no-2022 = нет значений 2022 года, чтобы разделить { $region }
src-missing = нет [{ $key }]: карта говорит, на чём основан каждый столбец панели
src-extra = [{ $key }] — не столбец { $file } (столбцы: { $columns })
src-ingested = [{ $key }]: статус `ingested` даёт `table`; укажите, что сборка делает без таблицы
src-no-indicator = нет значений показателя `{ $indicator }`
src-no-values = нет значений
src-levels = за { $year } смешаны уровни (ячейки, регионы, секции); дайте один уровень на таблицу
src-region-values = за { $year }: столбец регионов принимает значения по регионам (без секции)
src-percent = `percent_of_labour_force` относится к region_year.unemployed, а не к { $column }
src-rate = { $year } { $region }: { $value } — не уровень в % ниже 100
rl-no-national-wages = нет строки по Республике Казахстан (зарплаты по стране)
app-duplicate-cell = повторная ячейка квоты
app-route-sections = у маршрута `{ $route }` есть квоты по секциям и квота без секции
el-few-years = эластичность секции { $section }: лет с данными о занятости и выпуске { $years }, нужно не меньше 5
app-column = столбец `{ $column }`: { $text }
app-row = строка { $row }: { $problems }
app-empty = пусто
app-timestamp = `{ $value }` — не отметка времени (2026-03-01T10:00:00Z)
app-duplicate = строка { $row }: повторный applicant_id (строки { $rows })
rule-outside = { $value } вне { $min }..{ $max }
rule-not-bool = `{ $value }` — не true и не false
rule-no-stages = нет этапов
rule-field-range = поле `{ $field }`: нужны конечные `min` < `max`
rule-field-values = поле `{ $field }`: полю категорий нужны значения
rule-undeclared = этап `{ $stage }` использует поле `{ $field }`, которого нет в [fields]
rule-stage-twice = идентификатор этапа `{ $stage }` встречается дважды
rule-gate-empty = у фильтра `{ $gate }` нет блоков
rule-gate-number = фильтр `{ $gate }`: поле блока `{ $field }` должно быть числом
rule-gate-bound = фильтр `{ $gate }`: блоку `{ $field }` нужен `min` или `below`
rule-check-bool = проверка `{ $check }`: поле `{ $field }` должно быть логическим (да/нет)
rule-pass = этап `{ $stage }`: проходной балл должен быть числом
rule-factor-twice = этап `{ $stage }`: фактор `{ $factor }` встречается дважды
rule-factor-ranges = фактор `{ $factor }`: числовое поле задаётся через `ranges`
rule-bands-overlap = фактор `{ $factor }`: интервалы, начинающиеся с { $a } и { $b }, пересекаются
rule-band-empty = фактор `{ $factor }`: интервал от { $from } пуст или без баллов
rule-factor-categories = фактор `{ $factor }`: поле категорий задаётся через `categories`
rule-factor-value = фактор `{ $factor }`: `{ $value }` — не значение поля `{ $field }`
rule-factor-bool = фактор `{ $factor }`: логическое поле принимает категории `true`/`false`
rule-factor-cap = фактор `{ $factor }`: предел должен быть >= 0
rule-factor-groups = фактор `{ $factor }` входит в несколько групп этапа `{ $stage }`
rule-group-factor = группа `{ $group }` называет фактор `{ $factor }`, которого нет у этапа `{ $stage }`
rule-group-cap = группа `{ $group }`: предел должен быть >= 0
usage-unknown-arg = неизвестный аргумент '{ $arg }'
usage-unknown-command = неизвестная команда '{ $command }'
usage-invalid-value = недопустимое значение '{ $value }' для '{ $arg }'
usage-possible = допустимые значения: { $values }
usage-missing = не заданы обязательные аргументы: { $args }
usage-conflict = аргумент '{ $arg }' нельзя использовать вместе с '{ $prior }'
usage-did-you-mean = может быть, имелось в виду { $suggestion }?
usage-help = команды и их флаги: kvota --help, kvota <команда> --help
arg-format = `{ $value }` — не формат (bns-xlsx, bns-open-data, bns-sdg или postings)
arg-table-format = `{ $value }` — не формат таблиц (arrow или csv)
arg-lang = `{ $value }` — не язык, на котором пишет kvota (kk, ru или en)
arg-fraction = `{ $value }` — не число в [1, 2) вида 1.4
arg-level = `{ $value }` — не уровень от 0 до 100 (например, 80)
arg-month = `{ $value }` — не месяц вида 2024-11
help-flag-help = Показать справку
help-flag-version = Показать версию
help-heading-usage = Использование
help-heading-commands = Команды
help-heading-options = Параметры
help-heading-arguments = Аргументы
help-cmd-help = Показать эту справку или справку по указанной команде

## --help: every command and flag (src/bin/kvota/help.rs); en is the code's own documentation

help-cmd-kvota = Прогноз дефицита кадров и распределение квот для Казахстана
help-arg-kvota-quiet = Не печатать ничего, кроме ошибок
help-cmd-run = Выполнить весь расчёт по сценарию и записать выходные файлы Parquet и манифест
help-cmd-run-long =
    Выполнить весь расчёт по сценарию и записать выходные файлы Parquet и манифест.

    Пример: kvota run --scenario scenarios/baseline.toml --out reports
help-arg-run-scenario = Файл сценария
help-arg-run-data = Папка с CSV панели или папка данных, где лежит `panel/` (заменяет data.panel сценария)
help-arg-run-params = Папка с датированными параметрами (заменяет data.params сценария)
help-arg-run-out = Корневая папка вывода; результаты пишутся в <OUT>/<id сценария>/
help-arg-run-png = Записать графики ещё и в PNG (charts/*.png)
help-arg-run-format = Записать каждую таблицу ещё и в Arrow IPC (.arrow) и/или CSV (.csv) рядом с файлом Parquet
help-arg-run-lang = Языки отчёта и проекта приказа, первый — также report.html (по умолчанию: [output] lang сценария, иначе kk,ru,en)
help-cmd-scenario = Выполнить пакет сценариев или сравнить два
help-cmd-scenario-long =
    Выполнить пакет сценариев или сравнить два.

    Пример: kvota scenario run scenarios/baseline.toml scenarios/lp_amended.toml --out reports
help-cmd-scenario-run = Выполнить несколько сценариев; сценарии с одной панелью, моделью и горизонтом используют один набор прогнозов. Каждый пишет <OUT>/<id сценария>/, как `kvota run`; id должны различаться
help-cmd-scenario-run-long =
    Выполнить несколько сценариев; сценарии с одной панелью, моделью и горизонтом используют один набор прогнозов. Каждый пишет <OUT>/<id сценария>/, как `kvota run`; id должны различаться.

    Пример: kvota scenario run scenarios/*.toml --out reports
help-arg-scenario-run-scenarios = Файлы сценариев
help-arg-scenario-run-out = Корневая папка вывода
help-cmd-scenario-compare = Выполнить два сценария и перечислить ячейки, у которых различаются оценка, дефицит или квота (B - A); пишет <OUT>/compare_<A>_<B>.parquet (и .csv)
help-cmd-scenario-compare-long =
    Выполнить два сценария и перечислить ячейки, у которых различаются оценка, дефицит или квота (B - A); пишет <OUT>/compare_<A>_<B>.parquet (и .csv).

    Пример: kvota scenario compare scenarios/baseline.toml scenarios/lp_amended.toml
help-arg-scenario-compare-out = Корневая папка вывода (два расчёта пишутся в <OUT>/<id>/)
help-cmd-validate = Проверить входную панель и напечатать отчёт о проверке; при ошибках код выхода 1
help-cmd-validate-long =
    Проверить входную панель и напечатать отчёт о проверке; при ошибках код выхода 1.

    Пример: kvota validate --data data/panel

    С --format и файлами проверяет вместо этого файлы опубликованной статистики (см. `kvota ingest`): прочитанные и приведённые строки, отмеченные ячейки, неизвестные названия с подсказками, повторы, пропуски в рядах и применённые разделения регионов.

    Пример: kvota validate --format bns-xlsx archive_unemploymentRate.xlsx
help-arg-validate-format = Формат FILES (bns-xlsx, bns-open-data, bns-sdg или postings; для postings нужен столбец даты)
help-arg-validate-files = Опубликованные файлы для проверки
help-cmd-ingest = Прочитать файл опубликованной статистики и записать длинную таблицу kvota (indicator, region_code, oked_section, period, value, flag)
help-cmd-ingest-long =
    Прочитать файл опубликованной статистики и записать длинную таблицу kvota (indicator, region_code, oked_section, period, value, flag).

    Ничего не теряется молча: `-`, `x`, `...` и знаки сносок становятся отметками; название, не обозначающее регион, или текст в числовой ячейке останавливают команду с указанием файла, строки и столбца, и ничего не записывается.

    Пример: kvota ingest bns-xlsx archive_unemploymentRate.xlsx --out unemployment.parquet
help-arg-ingest-format = bns-xlsx (таблица БНС), bns-open-data (выгрузка stat.gov.kz, CSV или Parquet), bns-sdg (файл данных платформы ЦУР БНС, CSV) или postings (вакансии, CSV)
help-arg-ingest-file = Файл для чтения
help-arg-ingest-out = Выходной файл, .parquet или .csv
help-arg-ingest-indicator = Название показателя (по умолчанию: заголовок таблицы или NAM выгрузки)
help-arg-ingest-month = Месяц выгрузки (ГГГГ-ММ) для файла вакансий без столбца даты
help-cmd-apportion = Распределить места между единицами CSV-файла (столбцы unit, weight) точным методом
help-cmd-apportion-long =
    Распределить места между единицами CSV-файла (столбцы unit, weight) точным методом.

    Пример: kvota apportion --input parties.csv --seats 54 --method dhondt --out seats.csv
help-arg-apportion-input = CSV со столбцами unit, weight (веса: неотрицательные целые любой величины или десятичные)
help-arg-apportion-seats = Число распределяемых мест
help-arg-apportion-method = hamilton, dhondt, sainte-lague, huntington-hill, adams, dean или quota
help-arg-apportion-min = Минимум мест каждой единицы
help-arg-apportion-min-rule = Как метод Гамильтона обеспечивает минимумы: minimum-first (по умолчанию: единицы ниже минимума получают его первыми, остальные места делятся между остальными) или raise-from-pool (историческое правило Палаты представителей США: квоты всех единиц при полном составе, целые части, единицы ниже минимума поднимаются до него из мест, оставшихся после целых частей, остальное — по наибольшим остаткам среди остальных)
help-arg-apportion-max-column = Столбец с максимумом мест каждой единицы (пустая ячейка — без максимума)
help-arg-apportion-first-divisor = Первый делитель модифицированного метода Сент-Лагю по шкале 1, 3, 5, например 1.4
help-arg-apportion-break-ties = Разрешать равенства по заданному правилу (больший вес, затем более ранняя единица), а не останавливаться
help-arg-apportion-out = Выходной файл (.csv или .parquet) с unit, seats в порядке входа; если не задан — стандартный вывод
help-cmd-select = Оценить заявителей по файлу правил, ранжировать допущенных в каждой ячейке квоты, заполнить места
help-cmd-select-long =
    Оценить заявителей по файлу правил, ранжировать допущенных в каждой ячейке квоты, заполнить места.

    Пример: kvota select --rules data/rules/kz_2026_pilot.toml --applicants applicants.csv --quota slots.csv --out reports/selection
help-arg-select-rules = Файл правил (TOML): поля, этапы, интервалы, пределы, проходные баллы (см. data/rules/)
help-arg-select-applicants = Заявители, CSV или Parquet: applicant_id, submitted_at, [updated_at, decided_at, route, region, section,] и по столбцу на каждое поле правил
help-arg-select-quota = Места по ячейкам, CSV или Parquet: route, region, [section,] slots
help-arg-select-out = Папка вывода: selection.parquet, cutoffs.parquet, funnel.parquet, manifest.json
help-cmd-contract = Реестр социальных контрактов кандасов на дату: статус, суммы к возврату, закрепление, прогноз
help-cmd-contract-long =
    Реестр социальных контрактов кандасов на дату: статус, суммы к возврату, закрепление, прогноз.

    Пример: kvota contract --families families.csv --payments payments.csv --moves moves.csv --as-of 2026-12-31
help-arg-contract-families = Семьи, CSV или Parquet: family_id, arrival_date, host_region, members
help-arg-contract-payments = Выплаченная поддержка: family_id, item, paid_date, amount_mci или amount_kzt
help-arg-contract-moves = Переезды: family_id, move_date, to_region
help-arg-contract-as-of = Дата статуса (ГГГГ-ММ-ДД)
help-arg-contract-params = Папка с датированными параметрами (срок контракта, доля возврата, МРП)
help-arg-contract-out = Папка вывода: contract_status.parquet, contract_regions.parquet, retention.parquet, manifest.json
help-cmd-dataset = Пересобрать набор данных по умолчанию в data/panel из data/raw (см. data/README.md)
help-cmd-dataset-build = Пример: kvota dataset build --raw data/raw --assumptions data/build/assumptions.toml --sources data/build/sources.toml --out data/panel
help-arg-dataset-build-raw = Папка с официальными рядами, которые читает сборка
help-arg-dataset-build-assumptions = Модельные допущения и контрольные итоги калибровки
help-arg-dataset-build-sources = Карта источников: на чём основан каждый столбец панели и таблицы, заменяющие столбцы
help-cmd-forecast = Спрогнозировать каждый ряд длинной таблицы (series_id, period, value)
help-cmd-forecast-long =
    Спрогнозировать каждый ряд длинной таблицы (series_id, period, value).

    Пример: kvota forecast --input series.csv --horizon 6 --out forecasts.parquet --models auto
help-arg-forecast-input = Длинная таблица, CSV или Parquet, со столбцами series_id, period (2023, 2023Q2 или 2023-05), value
help-arg-forecast-horizon = Число шагов прогноза
help-arg-forecast-out = Выходной файл (.parquet или .csv): series_id, period, step, mean, lo_L, hi_L, model
help-arg-forecast-models = Модель: auto, naive, snaive, naive2, drift, ses, ses-ets, holt, damped, theta, otm, dstm, dotm, theta-sa, dstm-sa, otm-sa, autotheta, autoets (ets), autoets-a, ces, comb, classic-theta, autoarima (arima), autoarima-approx, autoarima-css, autoarima-sa
help-arg-forecast-season = Длина сезона (по умолчанию: 1 для лет и индексов, 4 для кварталов, 12 для месяцев)
help-arg-forecast-level = Уровни интервалов прогноза в процентах, через запятую
help-arg-forecast-no-calibrate = Оставить собственные интервалы моделей, не калибруя их на отложенных данных по всем рядам
help-cmd-forecast-backtest = Ретроспективная проверка со скользящей точкой отсчёта: точность моделей на последних точках каждого ряда
help-cmd-forecast-backtest-long =
    Ретроспективная проверка со скользящей точкой отсчёта: точность моделей на последних точках каждого ряда.

    Пример: kvota forecast backtest --input series.csv --horizon 2 --models naive2,theta,dotm,auto
help-arg-forecast-backtest-models = Сравниваемые модели, через запятую
help-arg-forecast-backtest-origins = Число точек отсчёта прогноза на ряд (последние)
help-arg-forecast-backtest-no-calibrate = Оценивать собственные интервалы моделей, не калибруя их в каждой точке отсчёта по всем рядам, как по умолчанию делает `kvota forecast`
help-arg-forecast-backtest-out = Записать также таблицу (.parquet или .csv)
arg-model = неизвестная модель `{ $value }`; известные модели: { $models }
ds-no-group-row = занятость регион x группа видов деятельности: нет строки для { $region } за { $year }
ds-no-section-employment = нет занятости по секции { $section } за { $year }
ds-no-section-value = { $what }: нет значения для секции { $section }
ds-no-section-year = нет { $section } за { $year }
ds-no-index = нет индекса для секции { $section } за { $year }
ds-no-industry = нет занятости по отрасли `{ $industry }`, названной для секции { $section } в [skill_needs.sections]
ds-duplicate-row = повторная строка для { $code } { $year }
ds-unexpected-section = неожиданная секция `{ $section }`
ds-population-year = population.national_1jan: `{ $value }` — не год
ds-population-years = годы населения: в таблице населения нет { $year } года
ds-no-age = нет возрастной структуры для { $region }
ds-expected-region = ожидается регион
ds-no-migration = нет файлов внутренней миграции
ds-no-wages = нет зарплат
ds-no-national-wage = нет средней зарплаты по стране за { $year }
ds-rural-region = в долях сельского населения не хватает региона
ds-seed-section = начальное распределение: неизвестная секция { $section }
ds-seed-region = начальное распределение: неизвестный регион { $region }
dr-not-count = { $key } — не количество
dr-month-day = { $key } — не месяц и день
dr-no-occupations = нет занятий для категории { $category }
ds-no-hourly = { $file }: нет года с часовой оплатой по всем регионам и всем секциям
