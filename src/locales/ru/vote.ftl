# Голосование за идеи из короткого списка (русский)

cmd-vote = Голосование за идеи

## Бюллетень
vote-ballot-title = 🗳 <b>Голосование за лучшие идеи</b>
vote-ballot-rules = Голосов у каждого: { $max }. Отметьте идеи, которые поддерживаете, кнопками ниже; выбор можно менять до { $closes }.
vote-ballot-live = Результаты видны сразу: числа обновляются при каждом нажатии.
vote-ballot-at-close = Результаты объявят, когда голосование закроется.
vote-ballot-line = <b>#{ $id }</b> { $text }
vote-ballot-line-count = <b>#{ $id }</b> { $text } — { $count ->
        [one] { $count } голос
        [few] { $count } голоса
       *[other] { $count } голосов
    }
vote-ballot-chosen = Ваш выбор: { $count } из { $max }.
vote-ballot-closed = Голосование закрыто.
vote-toast-added = ✅ Голос учтён: { $count } из { $max }
vote-toast-removed = Голос снят: { $count } из { $max }
vote-toast-full = Все ваши голоса уже отданы ({ $max }): сначала снимите отметку с другой идеи.
vote-toast-closed = Голосование уже закрыто.
vote-toast-checked-in-only = Голосовать могут только гости, отмеченные на входе.
vote-toast-not-eligible = Голосовать могут только те, кому бот прислал это голосование.

## Итоги
vote-results-title = 🗳 <b>Итоги голосования</b> · проголосовали: { $count }
vote-results-line = { $place }. <b>#{ $id }</b> { $text } — { $count ->
        [one] { $count } голос
        [few] { $count } голоса
       *[other] { $count } голосов
    }
vote-csv-caption = Итоги голосования № { $number } (CSV)

## Подготовка голосования (организаторы)
vote-form-title = Голосование
vote-cancelled = Голосование не начато.
vote-no-ideas = Для голосования нужны хотя бы 2 опубликованные идеи, а сейчас опубликовано: { $count }.
vote-idea-line = <b>#{ $id }</b> { $text }
vote-ask-ideas = Какие идеи войдут в голосование? Отправьте номера опубликованных идей (от 2 до 12) через запятую, например <code>12, 15, 21</code>.

    Опубликованные идеи:
    { $list }
vote-ideas-format = Отправьте номера идей через запятую, например: 12, 15, 21.
vote-ideas-count = Идей в голосовании должно быть от { $min } до { $max }. Вы отправили: { $count }.
vote-ideas-missing = Среди опубликованных идей нет таких номеров: { $ids }. Проверьте их и отправьте список ещё раз.
vote-ask-max = Сколько голосов у каждого? (не больше { $total })
vote-max-field = Голосов у каждого
vote-ask-electorate = Кто может голосовать?
vote-electorate-all = Все, кто запустил бота ({ $count })
vote-electorate-checked-in = Гости, отмеченные на входе ({ $count })
vote-electorate-field = Кто голосует
vote-ask-closes = Когда закрыть голосование? Время по поясу { $zone } (<code>{ $example }</code> или <code>ЧЧ:ММ</code> сегодня) или срок, например <code>2h</code> или <code>90m</code>.
vote-closes-format = Не удалось понять время. Напишите, например, <code>{ $example }</code>, <code>18:30</code> или <code>2h</code>.
vote-closes-past = Это время уже прошло: укажите более позднее.
vote-closes-far = Голосование может идти не дольше 30 дней: укажите время пораньше.
vote-ask-results = Когда голосующие увидят результаты?
vote-results-live = Сразу, по ходу голосования
vote-results-at-close = Только после закрытия
vote-results-field = Результаты
vote-who-all = все, кто запустил бота
vote-who-checked-in = гости, отмеченные на входе
vote-mode-live = сразу
vote-mode-close = после закрытия
vote-preview =
    <b>Выше — бюллетень, каким его получат голосующие.</b>
    Идей: { $total } · голосов у каждого: { $max } · голосуют: { $who } · закрытие: { $closes } · результаты: { $mode }
vote-start-button = ▶️ Начать голосование
vote-opened-meanwhile = Тем временем открыто другое голосование: /vote покажет его.
vote-nobody = Голосовать некому: в выбранной группе никого нет.
vote-started = ✅ Голосование № { $number } открыто: бюллетень рассылается, получателей: { $count }. Закрытие: { $closes }.

## Открытое голосование (организаторы)
vote-open-title = 🗳 <b>Идёт голосование № { $number }</b>, закрытие: { $closes }.
vote-open-summary = Проголосовали: { $count } (могут голосовать: { $total }) · голосов у каждого: { $max }
vote-mode-live-line = Голосующие видят результаты сразу.
vote-mode-close-line = Голосующие увидят результаты после закрытия.
vote-close-button = ⏹ Закрыть сейчас
vote-already-closed = Это голосование уже закрыто.
vote-closed-now = ⏹ Голосование закрыто. Итоги получат проголосовавшие ({ $count }) и организаторы.
