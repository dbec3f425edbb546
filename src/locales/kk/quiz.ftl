# Іс-шарадағы викторина. Сұрақтар іс-шара файлынан алынады.
quiz-none = Іс-шара файлында викторина жоқ.
quiz-usage =
    🎲 <b>Тікелей викторина</b> — { $status }
    /quiz start — 1-сұрақты жіберу
    /quiz next — келесі сұрақты ашу
    /quiz end — викторинаны аяқтап, жеңімпаздарды көру
quiz-status-idle = басталған жоқ
quiz-status-open = { $total } сұрақтың { $number }-сі ашық
quiz-status-ended = аяқталды
quiz-started = ▶️ Викторина басталды: { $total } сұрақтың 1-сі { $players } адамға жіберілуде.
quiz-already-started = Викторина бұрын басталған ({ $status }).
quiz-no-players = Әзірге викторинаны жіберетін ешкім жоқ.
quiz-question =
    🎲 <b>Викторина — { $total } сұрақтың { $number }-сі</b>

    { $text }
quiz-your-answer = Сіздің жауабыңыз: { $option }
quiz-answer-recorded = ✅ Жауап қабылданды!
quiz-answer-duplicate = Сіз бұл сұраққа жауап бердіңіз.
quiz-answer-closed = Бұл сұрақ жабылды.
quiz-not-player = Бұл викторина іс-шара қонақтарына арналған.
quiz-next-button = ➡️ Келесі сұрақ
quiz-end-button = 🏁 Викторинаны аяқтау
quiz-moved = ➡️ { $total } сұрақтың { $number }-сі жіберілді. { $previous }-сұраққа берілген жауаптар: { $answers }.
quiz-last-question = Бұл соңғы сұрақ еді: жеңімпаздарды көру үшін викторинаны аяқтаңыз.
quiz-not-running = Викторина қазір өтіп жатқан жоқ.
quiz-results-title = 🏁 <b>Викторина қорытындысы</b> — { $players } қатысушы жауап берді
quiz-results-line = { $place }. { $name } — { $total } сұрақтың { $correct }-іне дұрыс, { $seconds } с
quiz-results-nobody = Ешкім дұрыс жауап бермеді.
quiz-winner = 🎉 Құттықтаймыз! Сіз викторинада { $place }-орын алдыңыз: { $total } сұрақтың { $correct }-іне дұрыс жауап бердіңіз. Жүлдеңізді алу үшін ұйымдастырушылар үстеліне келіңіз.
quiz-winner-prize = 🎁 Жүлде: { $prize }

## Мәзірдегі командалардың сипаттамасы
cmd-quiz = Викторина: бастау, келесі сұрақ, қорытынды
