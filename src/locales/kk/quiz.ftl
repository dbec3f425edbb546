# Іс-шарадағы викторина. Сұрақтар іс-шара файлынан алынады.
quiz-none = Іс-шара файлында викторина жоқ.
quiz-usage =
    🎲 <b>Тікелей викторина</b> — { $status }
    /quiz start — 1-сұрақты жіберу
    /quiz next — келесі сұрақты ашу
    /quiz end — викторинаны аяқтап, жеңімпаздарды көру
quiz-status-idle = басталған жоқ
quiz-status-open = сұрақ { $number }/{ $total } ашық
quiz-status-ended = аяқталды
quiz-started = ▶️ Викторина басталды: сұрақ 1/{ $total } { $players } адамға жіберілуде.
quiz-already-started = Викторина бұрын басталған ({ $status }).
quiz-no-players = Әзірге викторинаны жіберетін ешкім жоқ.
quiz-start-early = ⚠️ Іс-шара әлі басталған жоқ (басталуы — { $start }). Сұрақтар қонақтарға бірден жіберіледі, ал викторинаны қайта бастауға болмайды. Бәрібір бастау керек пе?
quiz-start-anyway = ▶️ Бәрібір бастау
quiz-start-cancel = ❌ Бас тарту
quiz-start-cancelled = Викторина басталмады.
quiz-over = 🏁 Викторина аяқталды. Жеңімпаздарға бот жеке хабарлама жіберді.
quiz-over-score = 🏁 Викторина аяқталды: дұрыс жауаптарыңыз — { $correct }/{ $total }. Ойынға қатысқаныңызға рақмет! Жеңімпаздарға бот жеке хабарлама жіберді.
quiz-question =
    🎲 <b>Викторина — сұрақ { $number }/{ $total }</b>

    { $text }
quiz-your-answer = Сіздің жауабыңыз: { $option }
quiz-answer-recorded = ✅ Жауап қабылданды!
quiz-answer-duplicate = Сіз бұл сұраққа жауап бердіңіз.
quiz-answer-by-button = 🎲 Викторинаға жауап беру үшін сұрақтың астындағы батырмалардың бірін басыңыз: жауап пен оның уақыты осылай есептеледі.
quiz-answer-closed = Бұл сұрақ жабылды.
quiz-not-player = Бұл викторина іс-шара қонақтарына арналған.
quiz-start-button = ▶️ Викторинаны бастау
quiz-next-button = ➡️ Келесі сұрақ
quiz-end-button = 🏁 Викторинаны аяқтау
quiz-results-button = 🏁 Қорытындыны көрсету
quiz-moved = ➡️ Сұрақ { $number }/{ $total } жіберілді. { $previous }-сұраққа берілген жауаптар: { $answers }.
quiz-last-question = Бұл соңғы сұрақ еді: жеңімпаздарды көру үшін викторинаны аяқтаңыз.
quiz-not-running = Викторина қазір өтіп жатқан жоқ.
quiz-results-title = 🏁 <b>Викторина қорытындысы</b> — { $players } қатысушы жауап берді
quiz-results-line = { $place }. { $name } — дұрыс жауап: { $correct }/{ $total }, { $seconds } с
quiz-results-nobody = Ешкім дұрыс жауап бермеді.
quiz-winner = 🎉 Құттықтаймыз! Сіз викторинада { $place }-орын алдыңыз: дұрыс жауаптарыңыз — { $correct }/{ $total }.
# Only with quiz.prize: without one, no prize is promised.
quiz-winner-prize = 🎁 Жүлде: { $prize }. Оны алу үшін ұйымдастырушылар үстеліне келіңіз.

## Мәзірдегі командалардың сипаттамасы
cmd-quiz = Викторина: бастау, келесі сұрақ, қорытынды
