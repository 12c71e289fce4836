"""Ceasefire statements by class: split phrases, cessation of hostilities,
figurative truces, denied and rejected truces, each beside its look-alikes."""

from __future__ import annotations

import pytest

from monitor.detect import detect_ceasefire
from monitor.document import Document


def current(body: str) -> set[str]:
    result = detect_ceasefire(Document.from_text("t", None, body))
    return {s.status for s in result.statements if not s.historical}


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("دعت تركيا الطرفين إلى وقف فوري وغير مشروط لإطلاق النار.", "called_for"),
        ("أعلنت أرمينيا وقفا أحاديا لإطلاق النار اعتبارا من منتصف الليل.", "announced"),
        ("اقترح الوسطاء وقفا فوريا وشاملا لإطلاق النار.", "proposed"),
        ("وقع الوزيران اتفاقا لإنهاء الأعمال العدائية في موسكو.", "agreed"),
        ("حثت تركيا البلدين على إنهاء الأعمال العدائية وضبط النفس.", "called_for"),
        ("التزم الطرفان بوقف إطلاق النار طوال الليل.", "holding"),
        ("أوقفت باكو التزامها بوقف إطلاق النار على خط التماس.", "suspended"),
    ],
)
def test_split_phrases_and_their_cues(body: str, status: str) -> None:
    assert current(body) == {status}


@pytest.mark.parametrize(
    "body",
    [
        "أعلن مدرب الزمالك هدنة مع الصحافة بعد أسابيع من الانتقادات.",
        "اتفقت شركتا الاتصالات على وقف إطلاق النار في حرب الأسعار بينهما.",
        "دعا النقاد إلى هدنة في الجدل الدائر حول نهاية المسلسل.",
        "لم تصمد «الهدنة السياسية» بين الحزبين أكثر من أسبوعين.",
        "تحدثت مصادر عن وقف لإطلاق النار الإعلامي بين الكتلتين.",
    ],
)
def test_figurative_truces_are_none(body: str) -> None:
    assert current(body) == set()


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # the same words beside war are a real truce
        ("أعلن الجيش هدنة مع الفصائل المسلحة في الجنوب.", "announced"),
        ("دعا مجلس الأمن إلى هدنة إنسانية في غزة.", "called_for"),
        ("وعلقت الحكومة العمل بوقف الأعمال العدائية.", "suspended"),
    ],
)
def test_truces_of_war_are_kept(body: str, status: str) -> None:
    assert current(body) == {status}


@pytest.mark.parametrize(
    "body",
    [
        "نفت باكو التوصل إلى اتفاق لوقف إطلاق النار.",
        "نفى الكرملين أن يكون الطرفان قد اتفقا على هدنة.",
        "رفضت الحركة المقترح الإسرائيلي لوقف إطلاق النار.",
        "استبعد الوزير التوصل إلى هدنة قريبا.",
    ],
)
def test_denied_or_rejected_truces_are_none(body: str) -> None:
    assert current(body) == set()


def test_a_denial_ends_where_an_accusation_begins() -> None:
    body = "نفت أرمينيا خرق وقف إطلاق النار، واتهمت أذربيجان بانتهاك الهدنة."
    assert current(body) == {"violated"}


def test_rejected_calls_are_still_calls() -> None:
    assert current("ورفضت باكو الدعوات إلى وقف إطلاق النار.") == {"called_for"}


@pytest.mark.parametrize(
    "body",
    [
        "يقدم المخرج في فيلمه الجديد «الهدنة» حكاية ثلاثة أشقاء.\n"
        "غير أن هذه الهدنة تبدو هشة منذ المشهد الأول، إذ يخرقها الأخ الأكبر.",
        "توصلت إدارة نادي الزمالك إلى «هدنة» مع رابطة مشجعيه.\n"
        "وقال مصدر في النادي إن الهدنة «صامدة حتى الآن».",
        "اتفقت الحكومة واتحاد الشغل على «هدنة اجتماعية» تعلق الإضرابات ثلاثة أشهر.",
    ],
)
def test_an_item_about_fiction_sport_or_wages_has_only_figurative_truces(body: str) -> None:
    assert current(body) == set()


def test_a_quoted_predicate_belongs_to_its_clause() -> None:
    body = "وأضاف أن نظام وقف إطلاق النار على الحدود مع أذربيجان «صامد بشكل كامل»."
    assert current(body) == {"holding"}


def test_years_on_from_a_truce_is_its_anniversary() -> None:
    doc = Document.from_text(
        "t", "31 عاما على بروتوكول بيشكيك.. هدنة جمدت نزاع قره باغ", "تحل هذه الأيام الذكرى."
    )
    assert not detect_ceasefire(doc).detected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("أعلنت الخارجية أن البلدين اتفقا على وقف فوري لإطلاق النار.", {"agreed", "announced"}),
        ("اتفق البلدان على وقف فوري لإطلاق النار.", {"agreed"}),
        ("أعلن الجيش أنه استأنف تطبيق وقف إطلاق النار.", {"announced"}),
        ("استأنف الجيش قصفه الجوي منهيا الهدنة.", {"suspended"}),
        (
            "دعا المبعوث إلى الالتزام بوقف شامل لإطلاق النار واستئناف العملية السياسية.",
            {"called_for"},
        ),
        ("قتل 411 شخصا منذ سريان وقف إطلاق النار.", set()),
        (
            "وقالت الوزارة إن الوحدات الأرمينية انتهكت نظام وقف إطلاق النار من مواقع قرب القرية.",
            {"violated"},
        ),
    ],
)
def test_statuses_by_class(body: str, expected: set[str]) -> None:
    assert current(body) == expected


def test_that_truce_is_the_one_told_before() -> None:
    body = "ويرى المؤرخ أن تلك الهدنة «جمدت الاحتلال بدلا من إنهائه»."
    assert current(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "وحثت فرنسا وروسيا والولايات المتحدة، الدول الرئيسة في مجموعة مينسك، الطرفين "
            "على «الالتزام الصارم» بوقف إطلاق النار.",
            {"called_for"},
        ),
        ("والتزم الطرفان بوقف إطلاق النار طوال الليل.", {"holding"}),
        ("وقال الجيش إن القوات واصلت إطلاق النار بعد سريان الهدنة.", set()),
        ("وقال المراقبون إن الهدنة سارية منذ الصباح.", {"holding"}),
    ],
)
def test_commitments_called_for_and_points_in_time(body: str, expected: set[str]) -> None:
    assert current(body) == expected


def test_a_headline_label_is_its_own_sentence() -> None:
    doc = Document.from_text("t", "تغطية مستمرة | ترامب يعلن وقف إطلاق النار", "نص.")
    assert {s.status for s in detect_ceasefire(doc).statements} == {"announced"}


def test_a_violation_of_it_later_in_the_sentence_points_back() -> None:
    body = (
        "وقالت الوزارة إنها توسطت في اتفاق لوقف إطلاق النار دخل حيز التنفيذ صباح "
        "الثلاثاء، غير أن يريفان اتهمت باكو بخرقه بعد ساعات."
    )
    assert current(body) >= {"agreed", "violated"}


@pytest.mark.parametrize(
    "body",
    [
        "وقال المصدر إنه «لا هدنة ولا تفاوض» قبل انسحاب تلك القوات من المدن.",
        "وتحذر مصادر سياسية من أن هذه الهدنة بين التيار والقوات «هشة» وقد تنهار عند "
        "أول استحقاق نيابي، مع اقتراب الانتخابات التي تسعى فيها كل كتلة إلى زيادة نوابها.",
    ],
)
def test_no_truce_and_a_party_called_the_forces(body: str) -> None:
    assert current(body) == set()


def test_a_violation_of_the_agreement_later_in_the_sentence() -> None:
    body = (
        "تشن إسرائيل غارات على بلدات في الجنوب في أعنف تصعيد منذ سريان اتفاق وقف "
        "إطلاق النار، وسط تنديد رسمي بما وصفه بالخرق المتمادي للاتفاق."
    )
    assert "violated" in current(body)


# --- the verb that governs the truce, near or far --------------------------------


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # agreement verb far before the trigger, through على
        (
            "اتفقت حكومة جمهورية الكونغو الديمقراطية وتحالف نهر الكونغو، السبت في "
            "العاصمة القطرية الدوحة، على وقف إطلاق النار في شرق البلاد.",
            "agreed",
        ),
        (
            "اتفق المديران العامان للعمليات العسكرية في البلدين، خلال اتصال عبر الخط "
            "الساخن مساء الاثنين، على الالتزام الصارم بوقف إطلاق النار.",
            "agreed",
        ),
        ("الهند وباكستان تتفقان على احترام وقف إطلاق النار في كشمير.", "agreed"),
        ("توصل الطرفان بعد مفاوضات شاقة استمرت ثلاثة أيام في أبوظبي إلى هدنة إنسانية.", "agreed"),
        # the same shape with a call, far back
        (
            "دعت فرنسا الطرفين، في بيان صدر عن الخارجية مساء أمس بعد اجتماع طارئ لمجلس "
            "الأمن الدولي، إلى وقف إطلاق النار.",
            "called_for",
        ),
        ("حثت فرنسا الطرفين على الالتزام الصارم بوقف إطلاق النار.", "called_for"),
        # an extension is a new term of the truce
        ("أعلنت الخارجية القطرية، الثلاثاء، تمديد وقف إطلاق النار 30 يوما.", "announced"),
        ("مددت الأطراف المتحاربة الهدنة الإنسانية أسبوعا آخر.", "announced"),
        ("اقترح الوسطاء تمديد الهدنة أسبوعين إضافيين.", "proposed"),
        # look-alikes: holding stays holding
        ("قال الجيش إن وقف إطلاق النار صامد منذ الاثنين.", "holding"),
        ("التزم الطرفان بوقف إطلاق النار طوال الليل رغم التوتر.", "holding"),
    ],
)
def test_the_governing_verb_decides_the_status(body: str, status: str) -> None:
    assert current(body) == {status}


@pytest.mark.parametrize(
    "body",
    [
        "ونص الاتفاق على تشكيل آلية مشتركة لمراقبة الالتزام بالهدنة.",
        "وشكلت لجنة لضمان الالتزام بوقف إطلاق النار على طول الحدود.",
    ],
)
def test_a_mechanism_to_monitor_the_truce_says_nothing_of_it_holding(body: str) -> None:
    assert "holding" not in current(body)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # the truce's own predicate inside a quotation outranks the reporting clause
        (
            "نقل مراسلنا عن مسؤول مطلع على جهود الوساطة قوله إن «وقف إطلاق النار لا يزال "
            "صامدا رغم الحوادث».",
            "holding",
        ),
        ("مسؤول قطري: «ووقف إطلاق النار ما زال قائما ولن نسمح بانهياره».", "holding"),
        ("وقال المبعوث إن الهدنة «صمدت إلى حد كبير» منذ دخولها حيز التنفيذ.", "holding"),
        ("داعيا البلدين إلى «الالتزام بوقف إطلاق النار وتجنب التصعيد».", "called_for"),
        # look-alikes: the call governs the truce, with or without commas
        ("دعا الوزير إلى أن يبقى وقف إطلاق النار صامدا.", "called_for"),
        ("ودعت مصر وقطر، الوسيطتان في الاتفاق، إلى وقف فوري لإطلاق النار.", "called_for"),
    ],
)
def test_whose_words_the_status_is(body: str, status: str) -> None:
    assert current(body) == {status}


@pytest.mark.parametrize(
    "body",
    [
        # freezing the war is no suspension of a truce
        "يتكرر حديث عن «تجميد» الحرب في أوكرانيا عبر وقف لإطلاق النار على خطوط التماس.",
        # violations that may come are none reported
        "ويتضمن الاتفاق تشكيل لجنة للتحقيق في أي خروقات لوقف إطلاق النار.",
    ],
)
def test_no_suspension_or_violation_is_reported(body: str) -> None:
    assert not current(body) & {"suspended", "violated"}


def test_since_in_another_clause_leaves_the_truce_current() -> None:
    body = "وقال مسؤول إن الهدوء عاد إلى القطاع منذ الفجر، وإن وقف إطلاق النار «صامد»."
    assert current(body) == {"holding"}
    assert current("أعلنت الحكومة تعليق وقف إطلاق النار.") == {"suspended"}


@pytest.mark.parametrize(
    ("body", "statuses"),
    [
        # what the truce is now, however it was described
        (
            "أكد مسؤولون أن تفاهم وقف إطلاق النار المبرم في العاشر من مايو 2025 لا يزال صامدا.",
            {"holding"},
        ),
        (
            "وتأتي الغارة رغم أن اتفاق وقف الأعمال العدائية، الساري منذ نوفمبر 2024، لا يزال "
            "قائما.",
            {"holding"},
        ),
        # it holds and it was violated
        ("غزة: 4 قتلى بغارات إسرائيلية والهدنة «صامدة» رغم الخروقات", {"holding", "violated"}),
        (
            "أكد مسؤولون أن وقف إطلاق النار لا يزال صامدا إلى حد كبير، وإن سجلت خروقات متفرقة.",
            {"holding", "violated"},
        ),
        # another clause's cue does not govern the truce: each clause says its own
        (
            "وتتبادل الأطراف الاتهامات بانتهاك الاتفاق، فيما دعت الولايات المتحدة إلى وقف فوري "
            "للأعمال العدائية.",
            {"called_for", "violated"},
        ),
        # reaching an agreement, called for
        (
            "ودعا المبعوث الطرفين إلى البناء على هذه الخطوة والتوصل إلى وقف شامل لإطلاق النار.",
            {"called_for"},
        ),
        # a call to respect it beside the violation is news of its own
        ("اتهم الجيش المتمردين بخرق الهدنة، داعيا إلى احترامها.", {"violated", "called_for"}),
        (
            "ودعا المبعوث الطرفين إلى «الالتزام الكامل بوقف إطلاق النار»، بعدما سجل أكثر من "
            "150 خرقا للاتفاق.",
            {"violated", "called_for"},
        ),
        ("وطالب شيخ العقل بـ«وقف دائم لإطلاق النار» وبتحقيق دولي.", {"called_for"}),
        # look-alikes: no call; a truce in scare quotes between parties
        ("اتهم الجيش المتمردين بخرق الهدنة وعدم احترامها.", {"violated"}),
        ("تستمر «الهدنة» بين الحزبين في البرلمان منذ أسابيع.", set()),
        ("ويأتي التصعيد في ظل جمود منذ انتهاء الهدنة التي صمدت ستة أشهر عام 2022.", set()),
        ("توصل الطرفان إلى وقف لإطلاق النار بعد مفاوضات.", {"agreed"}),
    ],
)
def test_the_truce_now_and_what_else_the_sentence_says(body: str, statuses: set[str]) -> None:
    assert current(body) == statuses


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the verb that governs the extension gives its status, however far
        (
            "اتفق الطرفان، في ختام جولة محادثات في أنقرة استمرت يومين، على تمديد الهدنة "
            "شهرا إضافيا.",
            ["agreed"],
        ),
        ("وافقت الحكومة والمتمردون على تمديد وقف إطلاق النار ثلاثين يوما.", ["agreed"]),
        ("باكستان وأفغانستان تتفقان على تمديد الهدنة الحدودية", ["agreed"]),
        ("مصر وقطر تقترحان تمديد الهدنة في غزة ٦٠ يوما", ["proposed"]),
        ("دعا الأمين العام إلى تمديد وقف إطلاق النار في الإقليم.", ["called_for"]),
        # nothing governs it: the extension is announced
        ("مددت روسيا الهدنة الإنسانية في المدينة يومين إضافيين.", ["announced"]),
        ("أعلن الجيش تمديد الهدنة حتى يوم الأحد.", ["announced"]),
    ],
)
def test_an_extension_takes_the_status_of_its_governing_verb(
    body: str, expected: list[str]
) -> None:
    result = detect_ceasefire(Document.from_text("t", None, body))
    assert [s.status for s in result.statements] == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the talks or the mediation in an aside before على govern nothing
        (
            "اتفقت الحكومة والمتمردون، في ختام جولة مفاوضات استمرت أسبوعا في الدوحة، على "
            "وقف فوري للأعمال العدائية.",
            ["agreed"],
        ),
        (
            "اتفق وفدا البلدين، في ختام محادثات في أنقرة بوساطة قطرية، على تمديد وقف إطلاق "
            "النار شهرين.",
            ["agreed"],
        ),
        ("وافقت الحركة، بوساطة مصرية، على الهدنة المقترحة.", ["agreed"]),
        # look-alikes: talks that are the subject of the clause still propose
        ("تتواصل المفاوضات في القاهرة حول وقف إطلاق النار في القطاع.", ["proposed"]),
        ("دعت مصر، بعد جولة مفاوضات، إلى وقف إطلاق النار.", ["called_for"]),
    ],
)
def test_an_aside_before_the_governing_preposition_governs_nothing(
    body: str, expected: list[str]
) -> None:
    result = detect_ceasefire(Document.from_text("t", None, body))
    assert [s.status for s in result.statements] == expected
