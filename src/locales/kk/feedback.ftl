## Іс-шарадан кейінгі пікірлер: сауалнама, келмегендерге хабарлама және /feedback.

feedback-intro =
    <b>{ $title }</b>

    Іс-шараға келгеніңізге рақмет! 💚 Қалай өтті? Бірнеше қысқа сұрақ келесі іс-шараны жақсартуға көмектеседі. Бір минут қана алады.
feedback-start-button = ▶️ Бастау
feedback-skip-button = Қазір емес
feedback-form-title = Пікір
feedback-cancelled = Сауалнама жабылды, ештеңе сақталмады. Оны шақырудағы батырмамен қайта бастауға болады.
feedback-rating-hint = Санды басыңыз: 1 — нашар, 5 — өте жақсы.
feedback-nps-hint = Санды басыңыз: 0 — мүлде жоқ, 10 — әрине иә.
feedback-use-buttons = Сандардың бірін басыңыз.
feedback-text-optional = Жауабыңызды жазыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
feedback-skip-question = Өткізіп жіберу ➡️
feedback-thanks = Пікіріңізге рақмет! 💚
feedback-already = Сіз бұл сауалнамаға жауап бердіңіз. Рақмет!
feedback-skipped = Жарайды, енді сұрамаймыз. Келгеніңізге рақмет!
feedback-not-for-you = Бұл сауалнама іс-шараға келген қонақтарға арналған.
feedback-closed = Сауалнама қазір жүргізілмейді.
feedback-no-show-default = Іс-шараға келе алмағаныңызға өкінеміз!
feedback-no-show-still = Әлі де не істеуге болады:
feedback-no-show-ideas = 💡 Идея ұсыну
feedback-off = Бұл іс-шарада сауалнама жоқ (іс-шара файлында feedback бөлімі жоқ).
feedback-stats =
    <b>Іс-шарадан кейінгі пікірлер</b>
    Жіберілген сауалнамалар: { $surveys }; келмегендерге хабарламалар: { $noShows }
    Жауаптар: жауап бергендер { $answered }, бас тартқандар { $skipped }
feedback-stats-rating =
    <b>{ $label }</b>
    { $count } жауап, орташа баға { $average }
    { $distribution }
feedback-stats-nps =
    <b>{ $label }</b>
    { $count } жауап, NPS { $score } (ұсынатындар { $promoters }, бейтараптар { $passives }, сыншылар { $detractors })
    { $distribution }
feedback-stats-text =
    <b>{ $label }</b> ({ $count })
    { $comments }
feedback-stats-none = Әзірге жауап жоқ.
feedback-stats-more = … және тағы { $count } пікір CSV файлында.
feedback-export-button = 📄 CSV жүктеу
feedback-export-caption = Пікірлер: { $count } жауап
feedback-export-empty = Әзірге жауап жоқ.
privacy-stored-feedback = • Іс-шарадан кейінгі пікір: { $state } (бағаларыңыз бен пікірлеріңіз)
