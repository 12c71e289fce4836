"""Casualty constructions fixed by class, each beside its look-alikes."""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties
from monitor.document import Document


def figs(body: str) -> set[tuple[str, int | None]]:
    return {(f.kind, f.count) for f in detect_casualties(Document.from_text("t", None, body))}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # any noun can be the people counted ...
        ("لقي ستة معتمرين مصرعهم في حادث سير.", {("killed", 6)}),
        ("أسفر الحريق عن إصابة 4 وافدين بحالات اختناق.", {("wounded", 4)}),
        ("قتلت ٢٩ فتاة في قصف صاروخي.", {("killed", 29)}),
        # ... except units, money, time, weapons and buildings
        ("أعلن الجيش إسقاط 72 مسيرة وإصابة 5 أهداف.", set()),
        ("وقضى اللاعب خمسة مواسم مع الفريق.", set()),
        ("ارتفع عدد القتلى بنسبة 20% مقارنة بالعام الماضي.", set()),
    ],
)
def test_open_people_nouns(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قتل 73 شخصا، بينهم 20 طفلا و25 سيدة و3 مسعفين.", {73, 20, 25, 3}),
        ("أصيب 12 شخصا، بينهم ۴ أطفال وجندي واحد و4 عسكريين.", {12, 4, 1}),
        ("قتل 25 شخصا، بينهم 11 طفلا وعسكريان اثنان وتسعة مدنيين.", {25, 11, 2, 9}),
        ("وأوضح المرصد أن بين القتلى 125 عنصرا من قوات الأمن.", {125}),
    ],
)
def test_every_item_of_a_sub_count_list(body: str, expected: set[int]) -> None:
    assert {c for _, c in figs(body)} == expected


def test_a_number_after_and_that_starts_a_new_clause_is_no_sub_count() -> None:
    assert figs("قتل 5 أشخاص، بينهم طفلان، و3 آخرون أصيبوا.") == {
        ("killed", 5),
        ("killed", 2),
        ("wounded", 3),
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("مواطنان قتلا في قصف مدفعي.", {("killed", 2)}),
        ("لقيت فتاتان مصرعهما في الانفجار.", {("killed", 2)}),
        ("أعلنت الوزارة مقتل جنديين أذربيجانيين.", {("killed", 2)}),
        ("أصيب مدنيين أذربيجانيين اثنين في القصف.", {("wounded", 2)}),
        ("قتل جندي واحد في الاشتباك.", {("killed", 1)}),
        # the sound plural in -ين is no dual
        ("وتطالب يريفان بالإفراج عن المحتجزين في باكو.", set()),
        ("قتل المدنيين في القصف جريمة حرب.", set()),
    ],
)
def test_duals_and_numbers_after_the_noun(body: str, expected: set[tuple[str, int]]) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "نفت وزارة الدفاع مقتل ۱۸ جنديا في الهجوم.",
        "نفى الجيش الأرمني أن يكون 12 من جنوده قد قتلوا على الحدود.",
        "ووصفت باكو التقارير عن إصابة خمسين جنديا بأنها عارية عن الصحة.",
        "لم يسفر القصف عن مقتل أي مدني.",
    ],
)
def test_denied_figures_are_no_figures(body: str) -> None:
    assert figs(body) == set()


def test_a_denial_ends_where_the_denier_turns_to_what_it_asserts() -> None:
    body = "نفت الوزارة مقتل 12 جنديا، مؤكدة أن 3 فقط أصيبوا بجروح طفيفة."
    assert figs(body) == {("wounded", 3)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قتل 20 مواطنا كانوا يقومون بدورية على خط التماس في هجوم.", {("killed", 20)}),
        ("عشرون جنديا كانوا في مهمة لإزالة الألغام قتلوا في الانفجار.", {("killed", 20)}),
        ("كما أصيب 14 آخرون كانوا على متن الحافلة في الحادث.", {("wounded", 14)}),
        # "that": the verb after it has another subject
        ("اعتقلت الشرطة 5 أشخاص يشتبه في أنهم قتلوا رجلا.", {("captured", 5)}),
    ],
)
def test_clauses_between_the_people_and_their_verb(
    body: str, expected: set[tuple[str, int]]
) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "فقد قرر ثلاثة أعضاء في الهيئة التخلي عن مناصبهم.",
        "وفقد السودان ثلاثة أرباع إنتاجه من النفط.",
        "خلال حرب قره باغ الأولى بين عامي 1988 و1994 استمر القتال.",
    ],
)
def test_look_alikes_of_figures(body: str) -> None:
    assert figs(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # coordinated objects of one verb or masdar
        ("أسفرت الغارات عن مقتل 40 مدنيا، بينهم 15 طفلا، و11 عسكريا.", {40, 15, 11}),
        ("وقالت السلطات إن من بين من لقوا حتفهم 174 طفلا و89 امرأة.", {174, 89}),
        ("قتل 940 شخصا، بينهم ٣٢٦ من المقاتلين الدروز و٢٦٢ مدنيا.", {940, 326, 262}),
        ("قتل أربعة من أفراد الشرطة ومدنيان اثنان في الانفجار.", {4, 2}),
        # one among them
        ("قتل أربعة أشخاص، بينهم صبي في الثانية عشرة من عمره.", {4, 1}),
    ],
)
def test_coordinated_and_singular_items(body: str, expected: set[int]) -> None:
    assert {c for _, c in figs(body)} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقالت إن مدنيا واحدا قتل وجرح 15 في قصف حكومي.", {("killed", 1), ("wounded", 15)}),
        ("أودت الغارات بحياة ١٩ فلسطينيا وأصابت ٣٦ آخرين.", {("killed", 19), ("wounded", 36)}),
        ("ألقت الأجهزة الأمنية القبض على أربعة مشتبه بهم.", {("captured", 4)}),
        ("قال إن 22 شخصا لا يزالون في عداد المفقودين تحت الأنقاض.", {("missing", 22)}),
        ("أعلنت الوزارة ارتفاع عدد قتلاها العسكريين منذ بدء المعارك إلى 525.", {("killed", 525)}),
        # one count for two kinds is neither
        ("أسفر القصف عن مقتل وإصابة 15 شخصا.", set()),
    ],
)
def test_verbs_idioms_and_tolls(body: str, expected: set[tuple[str, int]]) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "قالت اللجنة إن نحو ألف شخص ما زالوا مفقودين منذ حرب خريف 2020.",
        "وقالت إن المحتجزين منذ خريف 2023 يواجهون أحكاما قاسية.",
        "وأكد الجيش أنه لم يجر أي اتصالات، نافيا أن يكون 30 من جنوده قد قتلوا في كمين.",
    ],
)
def test_years_after_seasons_and_participle_denials(body: str) -> None:
    assert not {c for _, c in figs(body)} & {2020, 2023, 30}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("أعلنت الوزارة مقتل جنديين وإصابة ثالث بجروح.", {("killed", 2), ("wounded", 1)}),
        ("قال إن شخصين قتلا وأصيب ثالث بعيار ناري.", {("killed", 2), ("wounded", 1)}),
        (
            "قال الدفاع المدني إن ١٠٤ فلسطينيين على الأقل، بينهم ٤٦ طفلا، قتلوا في الغارات.",
            {("killed", 104), ("killed", 46)},
        ),
        (
            "أقرت الوزارة بأن 50 عسكريا أذربيجانيا من وحدات الحدود والمشاة لقوا حتفهم.",
            {("killed", 50)},
        ),
        (
            "وأوضح المرصد أن بين القتلى 125 عنصرا من قوات الأمن العام ووزارة الدفاع، "
            "و148 مسلحا من فلول النظام السابق.",
            {("killed", 125), ("killed", 148)},
        ),
        (
            "وأودت المواجهات التي اندلعت قبل خمسة أيام بحياة 35 شخصا على الأقل.",
            {("killed", 35)},
        ),
        ("نحو ألف شخص ما زالوا مفقودين منذ حرب 2020.", {("missing", 1000)}),
    ],
)
def test_ordinals_asides_phrases_and_durations(body: str, expected: set[tuple[str, int]]) -> None:
    assert figs(body) == expected


def test_the_nationality_adjective_is_no_count_of_one() -> None:
    body = "إن نحو ألف شخص من الجانبين الأرميني والأذربيجاني لا يزالون في عداد المفقودين."
    assert figs(body) == {("missing", 1000)}


@pytest.mark.parametrize(
    "body",
    [
        "وخرج النجم مصابا في الدقيقة 52 بعدما أمسك بفخذه.",
        "ولد حوالي سنة 24 هجرية وتوفي 68 هجرية.",
        "وكان الفريق قد خاض النهائي مرة واحدة في 1984 حين سقط أمام ليفربول.",
    ],
)
def test_positions_calendars_and_bare_years(body: str) -> None:
    assert figs(body) == set()


def test_one_of_a_count_is_not_a_count() -> None:
    body = "وأنوش واحدة من أكثر من 100 ألف أرمني فروا من الإقليم."
    assert figs(body) == {("displaced", 100000)}


def test_a_past_year_in_a_later_clause_leaves_the_figure_current() -> None:
    doc = Document.from_text(
        "t",
        None,
        "ويحتجز الجنديان الأذربيجانيان منذ أبريل الماضي، فيما أسر معظم العسكريين "
        "الأرمن خلال مواجهات عامي 2020 و2022.",
    )
    found = {(f.kind, f.count, f.historical) for f in detect_casualties(doc, 2025)}
    assert ("captured", 2, False) in found


def test_a_past_phrase_inside_a_since_span_is_the_start_of_now() -> None:
    doc = Document.from_text(
        "t", None, "ارتفعت حصيلة الغارات إلى 80 قتيلا منذ بدء الحملة الشهر الماضي."
    )
    assert [(f.count, f.historical) for f in detect_casualties(doc, 2025)] == [(80, False)]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "أودى انفجار لغم أرضي مضاد للدبابات، صباح اليوم، بحياة عاملين اثنين، فيما "
            "أصيب عامل ثالث بجروح خطيرة.",
            {("killed", 2), ("wounded", 1)},
        ),
        (
            "قالت الشرطة إن خمسة أشخاص، بينهم امرأتان، قتلوا في الحادث.",
            {("killed", 5), ("killed", 2)},
        ),
        ("أعلنت الوزارة أن جنديا واحدا من وحدات الهندسة لقي حتفه.", {("killed", 1)}),
        (
            "وقال المرصد إن عدد القتلى منذ اندلاع المواجهات تجاوز 350، بينهم 79 مقاتلا و55 مدنيا.",
            {("killed", 350), ("killed", 79), ("killed", 55)},
        ),
        (
            "فإن عدد الذين قتلوا بنيران إسرائيلية منذ سريان الاتفاق ارتفع إلى أكثر من 80 شخصا.",
            {("killed", 80)},
        ),
        # the sound plural in -ين and a building's floors are no count
        ("لم تسجل أي إصابات في صفوف العاملين في نزع الألغام.", set()),
        ("وقال إن صاروخا أصاب مبنى سكنيا من تسعة طوابق.", set()),
    ],
)
def test_round_six_classes(body: str, expected: set[tuple[str, int]]) -> None:
    assert figs(body) == expected


def test_wahid_is_one_not_and_plus_a_word() -> None:
    body = "فغادر الإقليم أكثر من مئة ألف أرمني خلال أسبوع واحد."
    assert figs(body) == {("displaced", 100000)}


def quals(body: str) -> set[tuple[str, int | None, str]]:
    return {
        (f.kind, f.count, f.qualifier)
        for f in detect_casualties(Document.from_text("t", None, body))
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a part of the figure with no noun of its own, then how they are
        ("وأكد الحاكم أن عدد المصابين بقي عند 31، بينهم أربعة في حالة حرجة.", {31, 4}),
        ("أصيب ١٢ شخصا، منهم ثلاثة بحالة خطرة.", {12, 3}),
        ("قتل عشرة مدنيين، بينهم اثنان.", {10, 2}),
        # look-alikes: the part has a noun, or the number is something else
        ("أصيب 20 شخصا بينهم خمسة أطفال.", {20, 5}),
        ("أصيب 20 شخصا بينهم خمسة منازل مدمرة.", {20}),
    ],
)
def test_a_bare_part_of_a_figure(body: str, expected: set[int]) -> None:
    assert {c for _, c in figs(body)} == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("ارتفعت الحصيلة إلى 11 قتيلا بعد وفاة اثنين من المصابين في المستشفى.", {("killed", 2)}),
        ("وتوفي ثلاثة من الجرحى متأثرين بجروحهم.", {("killed", 3)}),
        # look-alike: the wounded counted as wounded
        ("وأشارت الدائرة إلى إصابة اثنين من الجنود في القصف.", {("wounded", 2)}),
    ],
)
def test_the_death_of_some_of_the_wounded_counts_them_killed(
    body: str, expected: set[tuple[str, int | None]]
) -> None:
    got = figs(body)
    assert expected <= got
    # the dead are not counted as wounded too
    assert not {("wounded", c) for k, c in expected if k == "killed"} & got


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قالت الوزارة إن تسعة من عناصر الأمن العام قتلوا خلال الاشتباكات.", {("killed", 9)}),
        ("وقالت الشرطة إن خمسة من أفراد الحرس الوطني أصيبوا في الهجوم.", {("wounded", 5)}),
        ("أودى القصف بحياة أحد جنودها.", {("killed", 1)}),
        ("أصيب أحد الجنود بجروح طفيفة.", {("wounded", 1)}),
        ("قال الجيش إنه قضى على ثمانية مسلحين قرب الحدود.", {("killed", 8)}),
        # look-alikes: "one of" things, eliminating hopes
        ("وقال أحد المسؤولين إن الوضع هادئ.", set()),
        ("استخدم المنقذون معدات لانتشال الضحايا من إحدى السيارتين.", set()),
        ("قضى الهدف على آمال الفريق في التأهل.", set()),
    ],
)
def test_people_in_construct_and_one_of_them(
    body: str, expected: set[tuple[str, int | None]]
) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قالت السلطات إن الهجوم أودى بحياة 40 مدنيا على الأقل.", {("killed", 40, "at_least")}),
        ("حصد القصف أرواح ٢٣ شخصا على الأقل.", {("killed", 23, "at_least")}),
        ("قالت السلطات إن الهجوم أودى بحياة 40 مدنيا.", {("killed", 40, "exact")}),
    ],
)
def test_a_qualifier_after_an_idiom_figure(
    body: str, expected: set[tuple[str, int | None, str]]
) -> None:
    assert quals(body) == expected


def test_an_illness_word_drops_deaths_not_evacuations() -> None:
    assert figs("توفي ثلاثة أشخاص بمرض الكوليرا في المخيم.") == set()
    assert figs("أعلنت المنظمة إجلاء 45 مريضا، بينهم أطفال مصابون بالسرطان.") == {("evacuated", 45)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "وضع الرئيس إكليلا على النصب التذكاري لشهداء الحرب، الذين يقارب عددهم ثلاثة آلاف.",
            {("killed", 3000, "about")},
        ),
        ("زار الوزير الجرحى الذين يبلغ عددهم 45 شخصا.", {("wounded", 45, "exact")}),
        (
            "أدى القصف إلى تهجير سكانها البالغ عددهم آنذاك نحو 28 ألف نسمة.",
            {("displaced", 28000, "about")},
        ),
        # look-alikes: the people counted are no casualties
        ("التقى الرئيس الطلاب الذين يبلغ عددهم 300 طالب.", set()),
        ("استقبلت المدينة الزوار البالغ عددهم 5 آلاف زائر.", set()),
    ],
)
def test_a_count_in_a_relative_clause(
    body: str, expected: set[tuple[str, int | None, str]]
) -> None:
    assert quals(body) == expected


def current_figs(body: str, year: int = 2026) -> set[tuple[str, int | None]]:
    return {
        (f.kind, f.count)
        for f in detect_casualties(Document.from_text("t", None, body), year)
        if not f.historical
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a long "since" phrase still reaches its year: the toll is current
        (
            "ومنذ دخول الاتفاق حيز التنفيذ في العاشر من أكتوبر/تشرين الأول 2025، تقول وزارة "
            "الصحة إن أكثر من 600 فلسطيني قتلوا.",
            {("killed", 600)},
        ),
        # ... but only its own year: a second year is the past
        (
            "يعزو خبراء الارتفاع إلى تدفق المهاجرين منذ 2022، ثم وصول أكثر من مئة ألف نازح "
            "في خريف 2023.",
            set(),
        ),
        # "its first day" is no "that day"
        (
            "اتهم الجيش المتمردين بخرق الهدنة في يومها الأول، إثر قصف أودى بحياة 23 شخصا.",
            {("killed", 23)},
        ),
        ("قتل في الهجوم يومها 12 شخصا.", set()),
    ],
)
def test_time_words_date_only_their_own_clause(
    body: str, expected: set[tuple[str, int | None]]
) -> None:
    assert current_figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a time phrase between the toll's verb and its number
        (
            "أعلنت الوكالة أن عدد الذين لقوا حتفهم جراء الألغام منذ حرب 2020 بلغ حتى نهاية "
            "أغسطس/آب الماضي أربعةً وسبعين شخصا.",
            {("killed", 74)},
        ),
        # a list of parts after "هم"
        (
            "ارتفعت الحصيلة إلى سبعة عشر قتيلا، هم تسعة من المسلحين وستة من عناصر الأمن "
            "ومدنيان اثنان.",
            {("killed", 17), ("killed", 9), ("killed", 6), ("killed", 2)},
        ),
        # a part with a qualifier and a clause of its own
        (
            "فر أكثر من 12 مليون شخص من منازلهم، بينهم نحو أربعة ملايين عبروا الحدود.",
            {("displaced", 12000000), ("displaced", 4000000)},
        ),
        # a part of the wounded named earlier in the sentence
        (
            "ونقل المصابون إلى قسم الطوارئ، ومن بينهم ثلاثة في حالة حرجة.",
            {("wounded", 3)},
        ),
        # the dual in an aside belongs to the idiom before it, not to the next clause
        (
            "راح ضحيته أربعة أشخاص، بينهم طفلان، فيما أصيب ستة آخرون.",
            {("killed", 4), ("killed", 2), ("wounded", 6)},
        ),
        # an idiom with its subject's long description between
        (
            "حصدت اشتباكات عنيفة اندلعت منذ فجر الأحد في إقليم أوفيرا بجنوب كيفو أرواح خمسة "
            "عشر شخصا على الأقل.",
            {("killed", 15)},
        ),
        # prisoners possessed, and a release with a pronoun
        (
            "أسفرت الوساطة عن تبادل للأسرى، تسلمت بموجبه كييف 103 من أسراها مقابل إفراجها عن 97 "
            "عسكريا روسيا.",
            {("captured", 103), ("captured", 97)},
        ),
        # look-alikes
        ("التقى الوزير الطلاب، بينهم ثلاثة في حالة جيدة.", set()),
        ("قال إنهم هم ثلاثة لاعبين.", set()),
        ("قضى ثلاثة أيام في الأسر.", set()),
    ],
)
def test_parts_lists_and_far_numbers(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert current_figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "in it", of the past sentence before: history
        ("لم تكن حرب 2020 مجرد مواجهة بين جارين؛ فقد قُتل فيها أكثر من ستة آلاف شخص.", set()),
        # ... of today's news: current
        ("اندلعت المعارك صباح اليوم في الإقليم؛ وقد قتل فيها 12 شخصا.", {("killed", 12)}),
        # the days that followed a past event
        ("وفي الأيام التالية، غادر الإقليم أكثر من مئة ألف من سكانه نحو أرمينيا.", set()),
        # an apposition and a phrase after commas stay in the figure's clause
        (
            "إذ لجأ إلى أرمينيا نحو 115 ألف شخص، أي قرابة كامل سكان الإقليم، في غضون أيام "
            "من الهجوم في سبتمبر 2023.",
            set(),
        ),
        # look-alike: "في حين" opens another clause
        ("قتل 12 شخصا اليوم، في حين قتل 30 في هجوم عام 2020.", {("killed", 12)}),
    ],
)
def test_history_told_around_the_figure(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert current_figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # soldiers recovered from captivity, and those handed over
        (
            "أعلنت الوزارة استعادة 146 عسكريا من الأسر، مقابل تسليم 150 أسير حرب.",
            {("captured", 146), ("captured", 150)},
        ),
        # the missing, nominal
        ("تقول باكو إن 3990 أذربيجانيا ما زالت أخبارهم منقطعة.", {("missing", 3990)}),
        # a part counted with منهم after its number
        (
            "وأضاف أن ستين شخصا أصيبوا بجروح، نقل 38 منهم إلى المستشفيات.",
            {("wounded", 60), ("wounded", 38)},
        ),
        (
            "وأوضح أن المصابين نقلوا إلى المستشفى، حيث وصفت حالة سبعة منهم بالحرجة.",
            {("wounded", 7)},
        ),
        # the people between عدد and الذين
        (
            "يرتفع عدد العسكريين الذين قضوا في انفجارات ألغام منذ حرب 2020 إلى 42.",
            {("killed", 42)},
        ),
        # "N هم من بين المصابين"
        ("وأشار إلى أن ثلاثة أطفال هم من بين المصابين.", {("wounded", 3)}),
        # a count of things in an idiom's gap
        (
            "أودى انهيار مبنى مؤلف من أربعة طوابق في حلب، فجر الخميس، بحياة تسعة من سكانه.",
            {("killed", 9)},
        ),
        # look-alikes
        ("وقال إن ثلاثة منهم لم يصابوا.", set()),
        ("زار الوزير 20 مدرسة، منهم 5 في الريف.", set()),
    ],
)
def test_more_constructions_of_round_ten(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert current_figs(body) == expected


@pytest.mark.parametrize(
    "body",
    [
        "لم يسفر القصف عن مقتل خمسة جنود كما أشيع.",
        "ولم يقتل 12 مدنيا في الغارة، خلافا لما ذكرته بعض الحسابات.",
        "نفت الوزارة أن يكون 30 جنديا قد قتلوا في الهجوم.",
    ],
)
def test_a_figure_under_negation_or_denial_is_no_figure(body: str) -> None:
    assert figs(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # one soldier, in the accusative, before his verb
        (
            "أعلنت الوزارة أن جنديا أذربيجانيا قتل وأصيب اثنان آخران بجروح.",
            {("killed", 1), ("wounded", 2)},
        ),
        ("وقالت المصادر إن مدنيا قتل في القصف.", {("killed", 1)}),
        # held in prisons, with an aside between
        (
            "ولا يزال نحو 19 أرمنيا آخرين، بينهم قادة سابقون للإقليم، يقبعون في السجون.",
            {("captured", 19)},
        ),
        # look-alikes
        ("شاهد طفلا يلعب في الحديقة.", set()),
        ("ولا يزال نحو 19 طالبا يدرسون في الجامعات الأجنبية.", set()),
    ],
)
def test_one_subject_and_those_held(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert current_figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a sub-count between commas, opened by "من بينهم"
        ("قالت الوزارة إن تسعة فلسطينيين، من بينهم أربع نساء، قُتلوا في الغارة.", {9, 4}),
        ("وأفاد المستشفى بأن ١٢ مدنيا، من بينهم ثلاثة أطفال، أصيبوا بشظايا.", {12, 3}),
        # a long clause that describes them, between commas, before the verb
        (
            "وأوضح البيان أن خمسة من أفراد الشرطة، كانوا في دورية ليلية على الطريق "
            "السريع قرب الحدود عندما تعرضوا لكمين مسلح مساء أمس، لقوا مصرعهم.",
            {5},
        ),
        (
            "وقال الجيش إن ۸ جنود، الذين كانوا يرافقون قافلة إمدادات متجهة إلى "
            "المواقع الأمامية في الجبال الشمالية، قتلوا في انفجار عبوة.",
            {8},
        ),
        ("سبعة من عمال الإغاثة، كانوا ينقلون الطحين إلى المخيم، أصيبوا بجروح طفيفة.", {7}),
    ],
)
def test_an_aside_between_commas_before_the_verb(body: str, expected: set[int]) -> None:
    assert {count for _, count in figs(body)} == expected


@pytest.mark.parametrize(
    "body",
    [
        # the aside is about the people, but no casualty verb follows it
        "وقالت الوزارة إن تسعة فلسطينيين، من بينهم أربع نساء، وصلوا إلى المعبر.",
        "خمسة من أفراد الشرطة، كانوا في دورية ليلية، عادوا إلى مقرهم سالمين.",
        # the verb after the aside is negated
        "وأكد المسؤول أن ستة عمال، كانوا داخل المصنع، لم يصابوا بأذى.",
    ],
)
def test_an_aside_before_a_verb_that_is_no_casualty_gives_nothing(body: str) -> None:
    assert figs(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("سبعة عمال إغاثة قتلوا في الغارة على القافلة.", {("killed", 7)}),
        ("أعلنت وسائل إعلام رسمية أن أربعة عناصر أمن سعوديين قتلوا في إطلاق نار.", {("killed", 4)}),
        ("وقال المستشفى إن ٣ موظفي إغاثة أصيبوا بشظايا.", {("wounded", 3)}),
        # look-alikes: "to kill" and "of killing" after the noun are no verb of theirs
        ("حكمت المحكمة على 18 شخصا أدينوا بقتل عسكري.", set()),
        # an illness is no wound
        ("ويقدر الباحثون أن 290 مليون شخص إجمالا أصيبوا بالتهاب الكبد الوبائي.", set()),
    ],
)
def test_an_indefinite_construct_before_the_verb(
    body: str, expected: set[tuple[str, int | None]]
) -> None:
    assert figs(body) == expected


def test_the_people_convicted_of_a_plot_to_kill_are_not_the_killed() -> None:
    assert ("killed", 3) not in figs("إدانة 3 أميركيين خططوا لقتل عشرات الصوماليين")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the verb, a source between commas, then the people forced out
        (
            "أجبرت المعارك، بحسب الأمم المتحدة، ما لا يقل عن خمسة عشر ألف شخص على ترك قراهم.",
            {("displaced", 15000)},
        ),
        (
            "وأجبر القصف، وفق مفوضية اللاجئين، نحو ٢٠٠٠ عائلة على مغادرة منازلها.",
            {("displaced", 2000)},
        ),
        (
            "أجبر جيش الاحتلال صباح اليوم مئات الفلسطينيين على النزوح من مراكز الإيواء.",
            {("displaced", None)},
        ),
        # look-alike: a name that is also a word for a civilian, far behind its verb
        (
            "وأجبر أستاذ آخر في جامعة إمبيريال كولدج في لندن، هو كاوه مدني، على مغادرة البلاد.",
            set(),
        ),
    ],
)
def test_forced_displacement_with_a_source_between_verb_and_people(
    body: str, expected: set[tuple[str, int | None]]
) -> None:
    assert figs(body) == expected


def _dated(body: str) -> set[tuple[str, int | None, bool]]:
    return {
        (f.kind, f.count, f.historical)
        for f in detect_casualties(Document.from_text("t", None, body))
    }


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a "since" span between the verb and its number dates a current toll
        ("قتل منذ انتهاء حرب عام 2020 نحو 412 شخصا.", {("killed", 412, False)}),
        (
            "وقال التقرير إن الجيش اعتقل منذ أكتوبر ٢٠٢٣ أكثر من 20 ألف فلسطيني.",
            {("captured", 20000, False)},
        ),
        ("أصيب منذ مطلع عام 2024 ما مجموعه ٣٠٠ مدني.", {("wounded", 300, False)}),
        # look-alike: a span between two past years is history, not "since"
        ("قتل بين عامي 1991 و1994 نحو 30 ألف شخص.", {("killed", 30000, True)}),
    ],
)
def test_a_since_span_between_verb_and_number(
    body: str, expected: set[tuple[str, int | None, bool]]
) -> None:
    assert _dated(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قتل في حرب 1991-1994 نحو ثلاثين ألف شخص.", {("killed", 30000, True)}),
        ("وقتلت القوات خلال عام 1992 ما مجموعه 1324 مدنيا.", {("killed", 1324, True)}),
        # look-alike: a sentence of years in prison is no count of people
        ("اعتقل عام 2003 وحكم عليه بالسجن 17 مؤبدا.", set()),
    ],
)
def test_a_past_date_between_verb_and_number_keeps_the_figure_historical(
    body: str, expected: set[tuple[str, int | None, bool]]
) -> None:
    assert _dated(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "من" right after the people says whose they are; the verb after counts them
        ("خمسة جنود من الفرقة المدرعة قتلوا في الهجوم.", {("killed", 5)}),
        ("وقال مسؤولون إن خمسة مدنيين من الجانب الهندي أصيبوا.", {("wounded", 5)}),
        ("أكثر من أربعين مدنيا من الطوارق قتلوا خلال اليومين الماضيين.", {("killed", 40)}),
        # a unit's number is a name, not a count
        ("ثلاثة جنود من الكتيبة ٧ أصيبوا بجروح.", {("wounded", 3)}),
        ("قال الجيش إن قائد اللواء 401 قتل في المعركة.", set()),
        # look-alikes: a cause after من, and "of" after a casualty noun
        (
            "قتل 17 مدنيا، بينهم 7 أطفال من جراء غارات على مخيم للاجئين.",
            {("killed", 17), ("killed", 7)},
        ),
        ("أبدى استعداده لإخراج 200 مسلح من رفح مقابل جثة الجندي.", set()),
    ],
)
def test_whose_people_and_numbered_units(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the verb right before "N منهم" gives the part its kind
        ("قتل 7 عناصر وجرح أربعة منهم في الأنبار.", {("killed", 7), ("wounded", 4)}),
        (
            "أعلن الجيش مقتل ما يزيد على 15 من عناصر الحركة وأسر اثنين منهم.",
            {("killed", 15), ("captured", 2)},
        ),
        # without a verb before it, the part is of the figure before it
        ("ستون شخصا أصيبوا، ونقل 38 منهم إلى المستشفيات.", {("wounded", 60), ("wounded", 38)}),
    ],
)
def test_the_verb_before_a_part_of_them(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert figs(body) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # "one of them" after a comma is a part of one of the figure before it
        (
            "استشهد مواطنان، أحدهما عنصر في الدفاع المدني، بغارة إسرائيلية.",
            {("killed", 2), ("killed", 1)},
        ),
        ("قتل ثلاثة أشخاص، أحدهم طفل، في القصف.", {("killed", 3), ("killed", 1)}),
        ("أصيب خمسة جنود، إحداهم مجندة، بجروح.", {("wounded", 5), ("wounded", 1)}),
        # look-alikes: "one of them" with no figure before it, or of people unharmed
        ("قال أحدهم إن القصف استمر طوال الليل.", set()),
        ("وصل وفدان، أحدهما من باكو، إلى جنيف.", set()),
    ],
)
def test_one_of_them_after_a_figure(body: str, expected: set[tuple[str, int | None]]) -> None:
    assert figs(body) == expected
