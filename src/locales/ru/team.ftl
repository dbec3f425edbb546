# Команда: роли по ссылкам-приглашениям (/team), поиск и счётчик для команды на входе.

team-admin-only = Это могут только администраторы: они управляют командой.
team-role-organiser = организатор
team-role-staff = команда на входе
team-role-juror = член жюри
team-title =
    👥 <b>Команда</b>
    Администраторов из файла события и настроек: { $admins }. Приглашённые по ссылке:
team-empty = Пока никого: создайте ссылку-приглашение кнопкой ниже.
team-member-line = • { $name } — { $role } (<code>{ $id }</code>)
team-invite-button = ➕ Пригласить: { $role }
team-revoke-button = 🚫 { $name } ({ $role })
team-back = ⬅️ Назад
team-uses-question = Сколько человек смогут войти по этой ссылке с ролью «{ $role }»? Ссылка действует 24 часа.
team-uses =
    { $count ->
        [one] Одноразовая
       *[other] До { $count }
    }
team-invite-created =
    🔗 Ссылка-приглашение: { $role }, { $count ->
        [one] одноразовая
       *[other] до { $count } человек
    }, действует до { $until }.
    Отправьте её только тем, кого приглашаете:
    { $link }
team-revoke-confirm = Снять роль «{ $role }» с <b>{ $name }</b>? Кнопки и открытые формы этого человека сразу перестанут работать.
team-revoke-yes = 🚫 Да, снять
team-revoked = { $name } больше не в команде.
team-revoke-gone = Этого человека уже нет в команде.
team-revoked-member = Ваша роль «{ $role }» на этом событии снята. Спасибо за помощь!
team-invite-admin = Вы уже администратор: вам доступно всё, приглашение не нужно.
team-invite-already = Вы уже в команде, ваша роль: { $role }.
team-invite-expired = ⌛ Срок действия этой ссылки-приглашения истёк. Попросите у организаторов новую.
team-invite-used = Эта ссылка-приглашение уже использована. Попросите у организаторов новую.
team-invite-unknown = Эта ссылка-приглашение недействительна. Попросите у организаторов новую.
team-welcome-organiser =
    🎉 Добро пожаловать в команду! Теперь вы <b>организатор</b>.
    Вам доступно всё: /admin открывает панель организатора (регистрации, отметка на входе, идеи, рассылки, конкурс и викторина).
team-welcome-staff =
    🎉 Добро пожаловать в команду на входе!
    /checkin включает отметку гостей: присылайте коды билетов или сканируйте QR-коды. /find и имя (от 3 букв) — поиск гостя. /stats — сколько гостей уже пришло.
team-welcome-juror =
    🎉 Добро пожаловать в жюри!
    /entries — заявки конкурса для оценки.
team-joined-admins = 👥 { $name } (<code>{ $id }</code>) вступает в команду, роль: { $role }.
team-checked-in-count = Отмечено на входе: { $checkedIn } из { $confirmed }.
team-find-in-mode = Можно прислать и имя гостя (от 3 букв), чтобы найти его.
team-find-usage = Отправьте /find и часть имени гостя, например /find Айгерим.
team-find-short = ✋ Введите хотя бы { $min } буквы имени.
team-find-none = Среди подтверждённых гостей нет никого по запросу «{ $query }».
team-find-title = 🔎 Найдено гостей: { $count }
team-find-line = • <b>{ $name }</b> — { $code }
team-find-line-in = • <b>{ $name }</b> — { $code } — ✅ вход отмечен: { $at }
# A companion found by their own name: the guest who registered them, whose code and card they share.
team-find-companion = { $name } (спутник гостя: { $guest })
team-find-checkin = ✅ Отметить: { $name }
team-find-more = Ещё { $count }: уточните имя.
cmd-team = Команда: приглашения и роли
cmd-find = Найти гостя по имени
