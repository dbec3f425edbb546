# Қалаға арналған идеялар (қазақша)

## Идеялар мәзірі
ideas-off = Бұл іс-шара үшін идеялар қабылданбайды.
ideas-menu-title =
    💡 <b>Қалаға арналған идеялар</b>
    Қаланы жақсарту жолын ұсыныңыз, басқалардың идеяларын қолдаңыз және ұйымдастырушылардың шешімін біліп отырыңыз.
ideas-new = ✍️ Идея ұсыну
ideas-mine = 📋 Менің идеяларым
ideas-browse = 🔎 Қатысушылардың идеялары
ideas-back = ⬅️ Идеялар
ideas-skip = Өткізіп жіберу ➡️

## Жаңа идея
ideas-limit-reached = Бүгін { $limit } идея жіберіп қойдыңыз — бұл бір күндік шек. Ертең қайта келіңіз.
ideas-ask-category = Идеяңыздың санатын таңдаңыз:
ideas-category-hint = Санатты батырма арқылы таңдаңыз.
ideas-ask-text = Идеяңызды бір хабарламамен сипаттаңыз ({ $min }–{ $max } таңба): нені, қай жерде және не үшін өзгерту керек.
ideas-text-too-short = Тым қысқа: кемінде { $min } таңба жазыңыз.
ideas-text-too-long = Тым ұзын ({ $length } таңба). { $max } таңбадан аспауы керек.
ideas-text-not-text = Идеяны мәтінмен жіберіңіз: стикер, фото немесе дауыстық хабарлама бұл жерде жарамайды.
ideas-ask-photo = Орынның фотосын жіберіңіз (міндетті емес) немесе «Өткізіп жіберу» батырмасын басыңыз.
ideas-photo-hint = Суретті фото ретінде жіберіңіз (файл емес) немесе «Өткізіп жіберу» батырмасын басыңыз.
ideas-ask-place = Бұл қай жерде? «📍 Орнымды жіберу» батырмасын басыңыз немесе картадан нүкте тіркеңіз (📎 → Геолокация). Немесе «Өткізіп жіберу» батырмасын басыңыз.
ideas-send-location = 📍 Орнымды жіберу
ideas-place-hint = Картадан нүкте жіберіңіз немесе «Өткізіп жіберу» батырмасын басыңыз.
ideas-place-outside = Бұл нүкте қала шегінен тыс. Нүктені қаладағы орынға қойыңыз немесе «Өткізіп жіберу» батырмасын басыңыз.
ideas-place-saved = 📍 Орын сақталды.
ideas-photo-skipped = Фотосыз
ideas-place-skipped = Жақсы, орынсыз.
ideas-preview-title = 👀 <b>Идеяңызды тексеріңіз</b>
ideas-field-category = Санат: { $category }
ideas-field-photo = 🖼 Фото тіркелген
ideas-field-place = 📍 Орны: { $latitude }, { $longitude }
ideas-preview-hint = Идея астындағы батырмаларды қолданыңыз: «Жіберу», «Өзгерту» немесе «Бас тарту».
ideas-submit = ✅ Жіберу
ideas-edit = ✏️ Өзгерту
ideas-edit-which = Нені өзгерткіңіз келеді?
ideas-edit-category = Санатын
# The category kept in its question once tapped ("Санат: … ✓"): the field's name, not the edit menu's object.
ideas-category-field = Санат
ideas-edit-text = Мәтінін
ideas-edit-photo = Фотосын
ideas-edit-place = Орнын
ideas-similar-title = 🔁 <b>Ұқсас идеялар жарияланып қойған.</b> Қайталаудың орнына солардың бірін қолдауға болады:
ideas-similar-line = • <b>№{ $id }</b> (👍 { $supports }) { $text }
ideas-cancelled = Идея жіберілмеді, ештеңе сақталған жоқ.
ideas-submitted-review = ✅ Рақмет! №{ $id } идеяңыз ұйымдастырушыларға тексеруге жіберілді. Шешім шыққанда хабарлаймын.
ideas-submitted-published = ✅ Рақмет! №{ $id } идеяңыз жарияланды: енді оны басқалар көріп, қолдай алады.

## Мәртебелер
ideas-status-new = 🆕 тексеруді күтуде
ideas-status-published = 📢 жарияланды
ideas-status-under-review = 🔍 қаралуда
ideas-status-accepted = ✅ қабылданды
ideas-status-rejected = ❌ қабылданбады

## Менің идеяларым және шолу
ideas-mine-title = 📋 <b>Сіздің идеяларыңыз</b>
ideas-mine-empty = Сіз әлі идея ұсынған жоқсыз.
ideas-card = <b>№{ $id }</b> · { $category } · { $status } · 👍 { $supports }
ideas-answer-line = 💬 <i>Ұйымдастырушылар:</i> { $answer }
ideas-browse-title = 🔎 <b>Жарияланған идеялар</b>. Санатты таңдаңыз:
ideas-browse-category = { $name } ({ $count })
ideas-browse-page = <b>{ $category }</b> · { $order } · { $page }/{ $pages }
ideas-browse-empty = Бұл санатта әзірге жарияланған идея жоқ.
ideas-order-new = 🆕 алдымен жаңалары
ideas-order-top = 🔥 ең көп қолдау тапқандары
ideas-support-button = 👍 №{ $id } ({ $supports })
ideas-supported-button = 💚 №{ $id } ({ $supports })
ideas-photo-button = 🖼 Фотосын көрсету
ideas-place-button = 📍 Картада көрсету
ideas-supported = 👍 Қолдағаныңызға рақмет!
ideas-unsupported = Қолдауыңыз қайтарып алынды.
ideas-not-public = Бұл идеяны қазір қолдауға болмайды.
ideas-own = Бұл — өз идеяңыз: оны басқа қатысушылар қолдай алады 🙂
ideas-missing = Бұл идея енді жоқ.
ideas-photo-caption = №{ $id } идея
ideas-place-title = №{ $id } идея

## Авторға хабарламалар
ideas-notify-status = 🔔 №{ $id } «{ $excerpt }» идеяңыздың жаңа мәртебесі: { $status }.
ideas-notify-answer = 💬 Ұйымдастырушылар №{ $id } идеяңыз бойынша жауап берді: { $answer }

## Идеяларды тексеру
ideas-mod-new =
    🆕 <b>Жаңа идея №{ $id }</b> тексеруге келді
    Авторы: { $author }
    Санаты: { $category }
ideas-mod-publish = ✅ Жариялау
ideas-mod-reject = ❌ Қабылдамау
ideas-mod-reason-title = №{ $id } идея неге қабылданбады? Себебін автор көреді.
ideas-mod-reason-back = ⬅️ Идеяға оралу
ideas-reason-duplicate = Жарияланған идеяны қайталайды.
ideas-reason-offtopic = Іс-шара тақырыбына қатысы жоқ.
ideas-reason-rules = Ережені бұзады: балағат, жарнама немесе жеке деректер.
ideas-mod-published = ✅ №{ $id } идеяны { $admin } жариялады.
ideas-mod-rejected = ❌ №{ $id } идеяны { $admin } қабылдамады: { $reason }
ideas-mod-already = №{ $id } идея қаралып қойған ({ $status }).
ideas-mod-decision = Шешім: { $status } ({ $admin })
ideas-mod-decided = Шешім: { $status }
ideas-mod-ask-reason = №{ $id } идея неге қабылданбады? Себепті таңдаңыз немесе өз себебіңізді бір хабарламамен жазыңыз. Себебін автор көреді.
ideas-mod-ask-answer = №{ $id } идея авторына жауабыңызды бір хабарламамен жазыңыз немесе /cancel жіберіңіз.
ideas-mod-answer-hint = Жауапты мәтінмен жіберіңіз: ең көбі { $max } таңба.
ideas-mod-answer-saved = ✅ Сақталды. №{ $id } идея авторына хабарлама жіберілді.
ideas-mod-cancelled = Ештеңе өзгерген жоқ.

## Ұйымдастырушыларға шолу (/ideas) және экспорт
ideas-admin-title = 🗂 <b>Барлық идея: { $total }</b>. Мәртебені таңдаңыз:
ideas-admin-all = Барлығы ({ $count })
ideas-admin-status = { $status } ({ $count })
ideas-admin-categories = Мәртебе: { $status }. Санатты таңдаңыз:
ideas-admin-all-categories = Барлық санат ({ $count })
ideas-admin-empty = Мұнда идея жоқ.
ideas-admin-card =
    <b>№{ $id }</b> ({ $total } ішінен { $position }) · { $status } · 👍 { $supports }
    { $category } · { $when }
    Авторы: { $author }
ideas-admin-set-new = 🆕 Тексеруге қайтару
ideas-admin-set-published = 📢 Жариялау
ideas-admin-set-under-review = 🔍 Белгілеу: қаралуда
ideas-admin-set-accepted = ✅ Белгілеу: қабылданды
ideas-admin-set-rejected = ❌ Белгілеу: қабылданбады
ideas-admin-answer = ✍️ Авторға жауап беру
ideas-admin-changed = №{ $id } идеяның мәртебесі енді: { $status }. Авторы мен бақылаушыларына хабарланады.
ideas-author-erased = (өшірілген)
ideas-export-csv = 📄 Идеялар: { $count } (CSV, Excel-де ашылады)
ideas-export-geojson = 🗺 Орны көрсетілген идеялар: { $count } (QGIS немесе geojson.io үшін GeoJSON)
cmd-ideas = Идеялар: тексеру және экспорт

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
ideas-form-title = Сіздің идеяңыз
ideas-mod-form-title = №{ $id } идеяға жауап

## Ұсыныстан шешімге дейін: бақылау, кезеңдер, біріктіру, жаңалықтар
ideas-status-in-progress = 🚧 орындалуда
ideas-status-done = 🏁 орындалды
ideas-status-merged = 🔗 біріктірілді
ideas-admin-set-in-progress = 🚧 Белгілеу: орындалуда
ideas-admin-set-done = 🏁 Белгілеу: орындалды
ideas-admin-milestone = 🗓 Кезең қосу
ideas-admin-merge = 🔗 Басқа идеямен біріктіру
ideas-follow-button = 🔔 Бақылау
ideas-unfollow-button = 🔕 Бақыламау
ideas-followed = 🔔 Бұл идеяның тағдырын сізге хабарлаймыз.
ideas-unfollowed = 🔕 Бұл идея туралы жаңалық енді келмейді.
ideas-milestones-title = 🗓 <i>Кезеңдер:</i>
ideas-milestone-line = • { $date } — { $text }
ideas-merged-line = 🔗 №{ $id } идеямен біріктірілді.
ideas-update-status = 🔔 №{ $id } «{ $excerpt }» идеясының жаңа мәртебесі: { $status }.
ideas-update-answer = 💬 Ұйымдастырушылар №{ $id } «{ $excerpt }» идеясы бойынша жауап берді: { $answer }
ideas-update-milestone = 🗓 №{ $id } «{ $excerpt }» идеясының жаңа кезеңі: { $date } — { $text }
ideas-digest-title = 🗞 <b>Сіз бақылайтын идеялардың жаңалықтары</b>
ideas-digest-idea = <b>№{ $id }</b> «{ $excerpt }»
ideas-digest-status = • мәртебесі: { $status }
ideas-digest-answer = • ұйымдастырушылардың жауабы: { $answer }
ideas-digest-milestone = • кезең: { $date } — { $text }
ideas-notify-merged = 🔗 №{ $id } «{ $excerpt }» идеяңыз №{ $into } идеяны қайталайды, сондықтан ұйымдастырушылар оларды біріктірді. Оны қолдағандар енді №{ $into } идеяны қолдайды, ал оның тағдырын сізге хабарлаймыз.
ideas-mod-ask-milestone-date = 🗓 №{ $id } идеяның кезеңі. Қай күні? Мысалы, 2026-12-01 немесе 01.12.2026.
ideas-mod-milestone-date-hint = Күнді жіберіңіз, мысалы 2026-12-01 немесе 01.12.2026.
ideas-mod-ask-milestone-text = Сол күні не болды? Бір хабарламамен, ең көбі { $max } таңба (мысалы, «техникалық тапсырмаға енгізілді»).
ideas-mod-milestone-saved = ✅ №{ $id } идеяға кезең қосылды. Авторы мен бақылаушыларына хабарланады.
ideas-mod-ask-merge = 🔗 №{ $id } идея қай идеяны қайталайды? Соның нөмірін жіберіңіз. Қолдаулар мен бақылаушылар соған ауысады.
ideas-mod-merge-hint = Басқа идеяның нөмірін жіберіңіз, мысалы 12.
ideas-mod-merged = ✅ №{ $from } идея №{ $into } идеямен біріктірілді; енді №{ $into } идеяны { $supports } адам қолдайды. №{ $from } идеяның авторына хабарланды.
ideas-mod-merge-refused = №{ $id } идеяның өзі басқа идеямен біріктірілген: соны таңдаңыз.
ideas-browse-status = 🎚 Мәртебе: { $status }
ideas-status-all = барлығы

## Asked once, before the first one (src/ui/consent.ts)
ideas-consent =
    🔒 <b>Алғашқы идеяңыз алдында</b>
    Идеяңызды, оның фотосын және картадағы орнын боттың барлық пайдаланушылары атыңызбен бірге көре алады; ұйымдастырушылар Telegram-дағы атыңызды да көреді. Орын ретінде өз геолокацияңызды жіберсеңіз, ол да жарияланады. Мұның бәрі іс-шара деректері жойылғанша сақталады (/privacy қараңыз); /forget_me оны ертерек жояды.
    Дербес деректер операторы: { $controller }
