"""Classes found missing by the 27th blind round (scored on arrival on 4107844),
each fixed by class and tested beside its look-alikes (never by the round's own
sentences)."""

from __future__ import annotations

import pytest

from monitor.alerts.story import is_accident
from tests.monitor.detect.figures import analysis, dated, figs, statuses


def test_an_idiom_with_a_long_subject_before_its_figure() -> None:
    body = (
        "أودى قصف مدفعي نفذته القوات الحكومية على سوق للماشية في ضواحي بلدة "
        "صغيرة بريف المحافظة الشمالية بحياة 17 مدنيا."
    )
    assert ("killed", 17) in figs(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قال المسؤول إن نحو 2500 شخص عبروا الحدود خلال الليل.", ("displaced", 2500)),
        ("وأفادت المفوضية بأن 800 لاجئ عبروا الحدود إلى تشاد.", ("displaced", 800)),
    ],
)
def test_people_who_crossed_the_border(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


@pytest.mark.parametrize(
    "body",
    [
        "تسليم خمسة أسرى عبر الحدود بإشراف دولي.",  # عبر: via
        "نقلت السلطات 30 طنا من المساعدات عبر الحدود.",
    ],
)
def test_via_the_border_is_nobody_crossing(body: str) -> None:
    assert not any(kind == "displaced" for kind, _ in figs(body))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقالت المنظمة إن نحو 7 آلاف شخص باتوا بلا مأوى بعد الفيضانات.", ("displaced", 7000)),
        ("وأصبح 450 شخصا دون مأوى في المدينة.", ("displaced", 450)),
    ],
)
def test_people_left_without_shelter_are_displaced(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


def test_things_without_something_are_no_people() -> None:
    assert figs("وبات 300 منزل بلا كهرباء منذ أيام.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقال إن 12 صحافيا آخرين لا يزالون قيد الاحتجاز.", ("captured", 12)),
        ("ولا يزال 40 ناشطا رهن الاعتقال منذ الاحتجاجات.", ("captured", 40)),
    ],
)
def test_people_still_in_custody(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


def test_a_file_still_under_study_holds_nobody() -> None:
    assert figs("ولا يزال الملف قيد الدرس منذ 3 أشهر.") == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("قتل أربعة جنود وأصيب العشرات بقصف مدفعي.", ("wounded", None)),
        ("أصيب سبعة أشخاص وقتل المئات بغارات متواصلة.", ("killed", None)),
    ],
)
def test_a_definite_vague_size_is_the_people(body: str, expected: tuple[str, None]) -> None:
    assert expected in figs(body)


def test_a_definite_vague_size_doing_something_else_is_no_figure() -> None:
    assert figs("وقد شارك العشرات بمسيرة سلمية.") == set()


@pytest.mark.parametrize(
    "body",
    [
        "أصيب ثلاثة عمال، أحدهم بجروح خطيرة، في انهيار رافعة.",
        "وأصيب اثنان آخران، أحدهما في حالة حرجة، جراء الانفجار.",
    ],
)
def test_the_state_of_one_of_them_counts_no_one_more(body: str) -> None:
    assert not any(count == 1 for _, count in figs(body))


def test_who_one_of_them_is_still_counts_one() -> None:
    assert ("killed", 1) in figs("قتل ثلاثة أشخاص، أحدهم طفل، في الغارة.")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "تدهورت العلاقات منذ حريق المصنع في مارس 2024، الذي أودى بحياة 21 عاملا.",
            ("killed", 21, True),
        ),
        ("منذ زلزال عام 2023 الذي قتل 50 ألف شخص تغير الكثير.", ("killed", 50000, True)),
        # the relative clause says something else: the toll since then is today's
        ("ارتفع عدد القتلى منذ عام 2020 الذي شهد الحرب إلى 500.", ("killed", 500, False)),
    ],
)
def test_a_figure_in_a_relative_clause_of_a_past_date(
    body: str, expected: tuple[str, int, bool]
) -> None:
    assert expected in dated(body)


def test_decades_are_no_people() -> None:
    assert figs("هل يمكن لمدينة أن تستعيد روحها بعد ثلاثة عقود من الغياب؟") == set()


def test_an_agreed_extension_despite_violations_is_both() -> None:
    body = "اتفق الطرفان على تمديد وقف إطلاق النار شهرا، رغم اتهامات متبادلة بانتهاك الهدنة."
    assert {"agreed", "violated"} <= statuses(body)


def test_a_trial_of_the_conflicts_named_leaders_is_no_crime() -> None:
    # the region named only through a leader of it, the item about a verdict
    trial = analysis(
        "محكمة في باكو تصدر أحكاما بحق قادة سابقين",
        "أصدرت محكمة عسكرية في باكو أحكاما بالسجن تراوحت بين عشرة أعوام والمؤبد بحق عدد من"
        " القادة السابقين، بينهم روبن فاردانيان، بتهم تتعلق بالإرهاب.\n"
        "ونددت الخارجية الأرمينية بالأحكام، وقالت إن 23 أرمنيا لا يزالون محتجزين في سجون"
        " أذربيجان.\n"
        "وترفض باكو وصفهم بالأسرى، مؤكدة أنهم ملاحقون بسبب جرائم ارتكبوها.",
    )
    assert trial.karabakh.centrality == "passing"
    assert not is_accident(trial)


def test_a_robbery_trial_with_no_actor_of_the_conflict_stays_a_crime() -> None:
    robbery = analysis(
        "محكمة في باكو تصدر أحكاما في قضية سطو",
        "أصدرت محكمة في باكو أحكاما بالسجن على ثلاثة متهمين في قضية سطو مسلح قتل فيها حارس.",
    )
    assert is_accident(robbery)


def test_soldiers_who_crossed_the_border_are_no_refugees() -> None:
    body = "أفرجت يريفان عن جنديين أذربيجانيين عبرا الحدود العام الماضي."
    assert not any(kind == "displaced" for kind, _ in figs(body))


# From reading the round-27 fixes over ../shared/data:


def test_a_decimal_the_tokens_split_is_no_count() -> None:
    assert figs("وبلغ عدد النازحين داخل البلاد نحو 6,1 ملايين شخص.") == set()


def test_hours_spent_are_nobody() -> None:
    assert figs("وقال إنه قضى آلاف الساعات في مساعدة الشرطة.") == set()


def test_a_definite_vague_size_needs_a_casualty_verb_of_its_own() -> None:
    title = "عشرات الشهداء والجرحى والاحتلال يدفع الآلاف لرحلة نزوح جديدة"
    assert ("wounded", None) not in figs(title)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وأوضحت الوزارة أن جنديا واحدا لا يزال يتلقى العلاج من إصابته.", ("wounded", 1)),
        ("لقي رجلان مصرعهما وأصيب ثالث، اليوم الأحد، إثر انفجار لغم.", ("wounded", 1)),
    ],
)
def test_today_or_a_still_between_is_no_duration(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)
