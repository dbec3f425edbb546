# Ideas for the city (English)

## Ideas menu
ideas-off = Idea submissions are not open for this event.
ideas-menu-title =
    💡 <b>Ideas for the city</b>
    Propose how to improve the city, support other people's ideas and follow what the organisers decide.
ideas-new = ✍️ Propose an idea
ideas-mine = 📋 My ideas
ideas-browse = 🔎 Browse ideas
ideas-back = ⬅️ Ideas
ideas-skip = Skip ➡️

## Proposing an idea
ideas-limit-reached = You have already sent { $limit ->
        [one] { $limit } idea
       *[other] { $limit } ideas
    } today, the daily limit. Please come back tomorrow.
ideas-ask-category = Choose a category for your idea:
ideas-category-hint = Please choose a category with the buttons.
ideas-ask-text = Describe your idea in one message ({ $min }–{ $max ->
        [one] { $max } character
       *[other] { $max } characters
    }): what should change, where and why.
ideas-text-too-short = That is too short: please write at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
ideas-text-too-long = That is too long ({ $length ->
        [one] { $length } character
       *[other] { $length } characters
    }). Please keep it to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
ideas-text-not-text = I need your idea as a text message: stickers, photos and voice messages don't work here.
ideas-ask-photo = Send a photo of the place (optional), or tap Skip.
ideas-photo-hint = Please send a photo (as a picture, not as a file), or tap Skip.
ideas-ask-place = Where is it? Tap “📍 Send my location” or attach a location pin (📎 → Location). Or tap Skip.
ideas-send-location = 📍 Send my location
ideas-place-hint = Please send a map pin, or tap Skip.
ideas-place-outside = This pin is outside the city. Please put the pin on a place in the city, or tap Skip.
ideas-place-saved = 📍 Got the place.
ideas-photo-skipped = No photo
ideas-place-skipped = No place then.
ideas-preview-title = 👀 <b>Check your idea</b>
ideas-field-category = Category: { $category }
ideas-field-photo = 🖼 Photo attached
ideas-field-place = 📍 Place: { $latitude }, { $longitude }
ideas-preview-hint = Please use the buttons under your idea: Submit, Edit or Cancel.
ideas-submit = ✅ Submit
ideas-edit = ✏️ Edit
ideas-edit-which = What would you like to change?
ideas-edit-category = Category
# The category kept in its question once tapped ("Category: … ✓"): the field's name, not the edit menu's object.
ideas-category-field = Category
ideas-edit-text = Text
ideas-edit-photo = Photo
ideas-edit-place = Place
ideas-similar-title = 🔁 <b>Similar ideas are already published.</b> You can support one of them instead of posting a duplicate:
ideas-similar-line = • <b>#{ $id }</b> (👍 { $supports }) { $text }
ideas-cancelled = Your draft was discarded.
ideas-submitted-review = ✅ Thank you! Your idea #{ $id } was sent to the organisers for review. I will tell you when they decide.
ideas-submitted-published = ✅ Thank you! Your idea #{ $id } is published: others can now see and support it.

## Statuses
ideas-status-new = 🆕 awaiting review
ideas-status-published = 📢 published
ideas-status-under-review = 🔍 under review
ideas-status-accepted = ✅ accepted
ideas-status-rejected = ❌ rejected

## My ideas and browsing
ideas-mine-title = 📋 <b>Your ideas</b>
ideas-mine-empty = You haven't proposed any ideas yet.
ideas-card = <b>#{ $id }</b> · { $category } · { $status } · 👍 { $supports }
ideas-answer-line = 💬 <i>Organisers:</i> { $answer }
ideas-browse-title = 🔎 <b>Published ideas</b>. Choose a category:
ideas-browse-category = { $name } ({ $count })
ideas-browse-page = <b>{ $category }</b> · { $order } · page { $page }/{ $pages }
ideas-browse-empty = No published ideas in this category yet.
ideas-order-new = 🆕 newest
ideas-order-top = 🔥 most supported
ideas-support-button = 👍 #{ $id } ({ $supports })
ideas-supported-button = 💚 #{ $id } ({ $supports })
ideas-photo-button = 🖼 Show the photo
ideas-place-button = 📍 Show on the map
ideas-supported = 👍 Thank you for your support!
ideas-unsupported = Your support was withdrawn.
ideas-not-public = This idea is not open for support.
ideas-own = This is your own idea: other participants can support it 🙂
ideas-missing = This idea no longer exists.
ideas-photo-caption = Idea #{ $id }
ideas-place-title = Idea #{ $id }

## Author notifications
ideas-notify-status = 🔔 Your idea #{ $id } “{ $excerpt }” is now { $status }.
ideas-notify-answer = 💬 The organisers wrote about your idea #{ $id }: { $answer }

## Moderation
ideas-mod-new =
    🆕 <b>New idea #{ $id }</b> to review
    From: { $author }
    Category: { $category }
ideas-mod-publish = ✅ Publish
ideas-mod-reject = ❌ Reject
ideas-mod-reason-title = Why is idea #{ $id } rejected? The author will see the reason.
ideas-mod-reason-back = ⬅️ Back to the idea
ideas-reason-duplicate = It repeats an idea that is already published.
ideas-reason-offtopic = It is not about the event's topic.
ideas-reason-rules = It breaks the rules: insults, advertising or personal data.
ideas-mod-published = ✅ Idea #{ $id } was published by { $admin }.
ideas-mod-rejected = ❌ Idea #{ $id } was rejected by { $admin }: { $reason }
ideas-mod-already = Idea #{ $id } has already been handled ({ $status }).
ideas-mod-decision = Decision: { $status } ({ $admin })
ideas-mod-decided = Decision: { $status }
ideas-mod-ask-reason = Why is idea #{ $id } rejected? Choose a reason or write your own in one message. The author will see it.
ideas-mod-ask-answer = Write your answer to the author of idea #{ $id } in one message, or /cancel.
ideas-mod-answer-hint = Please send the answer as text, up to { $max ->
        [one] { $max } character
       *[other] { $max } characters
    }.
ideas-mod-answer-saved = ✅ Saved. The author of idea #{ $id } was notified.
ideas-mod-cancelled = Nothing was changed.

## Organisers' overview (/ideas) and export
ideas-admin-title = 🗂 <b>All ideas: { $total }</b>. Choose a status:
ideas-admin-all = All ({ $count })
ideas-admin-status = { $status } ({ $count })
ideas-admin-categories = Status: { $status }. Choose a category:
ideas-admin-all-categories = All categories ({ $count })
ideas-admin-empty = No ideas here.
ideas-admin-card =
    <b>#{ $id }</b> ({ $position } of { $total }) · { $status } · 👍 { $supports }
    { $category } · { $when }
    From: { $author }
ideas-admin-set-new = 🆕 Back to review
ideas-admin-set-published = 📢 Publish
ideas-admin-set-under-review = 🔍 Mark: under review
ideas-admin-set-accepted = ✅ Mark: accepted
ideas-admin-set-rejected = ❌ Mark: rejected
ideas-admin-answer = ✍️ Answer the author
ideas-admin-changed = Idea #{ $id } is now { $status }. Its author and followers will be told.
ideas-author-erased = (erased)
ideas-export-csv = 📄 Ideas: { $count } (CSV, opens in Excel)
ideas-export-geojson = 🗺 Ideas with a place: { $count } (GeoJSON for QGIS or geojson.io)
cmd-ideas = Ideas: review and export

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
ideas-form-title = Your idea
ideas-mod-form-title = Answer on idea #{ $id }

## From proposal to decision: follows, milestones, merges, updates
ideas-status-in-progress = 🚧 in progress
ideas-status-done = 🏁 done
ideas-status-merged = 🔗 merged
ideas-admin-set-in-progress = 🚧 Mark: in progress
ideas-admin-set-done = 🏁 Mark: done
ideas-admin-milestone = 🗓 Add a milestone
ideas-admin-merge = 🔗 Merge into another idea
ideas-follow-button = 🔔 Follow
ideas-unfollow-button = 🔕 Unfollow
ideas-followed = 🔔 You will hear what becomes of this idea.
ideas-unfollowed = 🔕 You will no longer hear of this idea.
ideas-milestones-title = 🗓 <i>Milestones:</i>
ideas-milestone-line = • { $date } — { $text }
ideas-merged-line = 🔗 Merged into idea #{ $id }.
ideas-update-status = 🔔 Idea #{ $id } “{ $excerpt }” is now { $status }.
ideas-update-answer = 💬 The organisers answered idea #{ $id } “{ $excerpt }”: { $answer }
ideas-update-milestone = 🗓 Idea #{ $id } “{ $excerpt }” has a new milestone: { $date } — { $text }
ideas-digest-title = 🗞 <b>News of the ideas you follow</b>
ideas-digest-idea = <b>#{ $id }</b> “{ $excerpt }”
ideas-digest-status = • status: { $status }
ideas-digest-answer = • the organisers' answer: { $answer }
ideas-digest-milestone = • milestone: { $date } — { $text }
ideas-notify-merged = 🔗 Your idea #{ $id } “{ $excerpt }” repeats idea #{ $into }, so the organisers merged them. Its supporters now support #{ $into }, and you will hear what becomes of it.
ideas-mod-ask-milestone-date = 🗓 A milestone for idea #{ $id }. Its date? For example 2026-12-01 or 01.12.2026.
ideas-mod-milestone-date-hint = Please send a date such as 2026-12-01 or 01.12.2026.
ideas-mod-ask-milestone-text = What happened on that day? One message (e.g. “included in the design brief”); character limit: { $max }.
ideas-mod-milestone-saved = ✅ The milestone was added to idea #{ $id }. Its author and followers will be told.
ideas-mod-ask-merge = 🔗 Idea #{ $id } repeats which idea? Send that idea's number. Its supports and followers will move there.
ideas-mod-merge-hint = Please send the number of another idea, e.g. 12.
ideas-mod-merged = ✅ Idea #{ $from } was merged into #{ $into }, which now has { $supports } supports. The author of #{ $from } was told.
ideas-mod-merge-refused = Idea #{ $id } was merged into another one itself: choose the idea it joined.
ideas-browse-status = 🎚 Status: { $status }
ideas-status-all = all

## Asked once, before the first one (src/ui/consent.ts)
ideas-consent =
    🔒 <b>Before your first idea</b>
    Your idea, its photo and its place on the map can be seen by everyone in the bot, with your first name; the organisers also see your Telegram name. If you send your own location as the place, it is published too. It is all kept until the event's data is deleted (see /privacy); /forget_me deletes it earlier.
    Data controller: { $controller }
