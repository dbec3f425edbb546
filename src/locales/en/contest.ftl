# The main contest: rules, entries, jury and winner. Contest facts come from the event file.
contest-none = There is no contest at this event.
contest-rules =
    🏆 <b>{ $title }</b>

    { $rules }

    🎁 <b>Prize:</b> { $prize }
contest-deadline-open = ⏰ <b>Entries until:</b> { $deadline } ({ $relative })
contest-deadline-closed = 🔒 <b>Entries closed</b> on { $deadline }.
contest-hashtags = #️⃣ <b>{ $count ->
        [1] Hashtag
       *[other] Hashtags
    }</b> (tap to copy): <code>{ $hashtags }</code>
contest-no-bot-scraping = The bot never opens your post itself: the jury looks at it by its link.
contest-submit = 📤 Submit my entry
contest-edit = ✏️ Edit my entry
contest-my-entry = 📄 My entry
contest-closed = 🔒 Entries are closed: the deadline was { $deadline }.
contest-ask-link =
    Send the link to your post on { $sites }.
    In the app: ⋯ → Copy link. It starts with https://
contest-link-not-url = That doesn't look like a link. Open your post, tap ⋯ → Copy link, and send it here.
contest-link-not-https = The link must start with https://
contest-link-host = This link is not from an allowed site. Allowed: { $hosts }.
contest-link-not-post = This looks like a profile or a page, not a single post. Open the post itself and copy its link.
contest-ask-idea = Describe your idea for the city in a few sentences ({ $min }–{ $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
# After the file's own entry question (contest.entryQuestion).
contest-text-limits = ({ $min }–{ $max ->
        [one] { $max } character
       *[other] { $max } characters
    }).
contest-idea-too-short = Too short: please write at least { $min ->
        [one] { $min } character
       *[other] { $min } characters
    }.
contest-idea-too-long = Too long: { $length ->
        [one] { $length } character
       *[other] { $length } characters
    }, the limit is { $max }.
contest-ask-photo = Send a screenshot of your post or the photo itself (as a photo, not as a file).
contest-photo-expected = Please send a photo (not a file or a sticker).
contest-text-expected = Please send text here.
contest-keep = ↩️ Keep the current one
contest-cancelled = Cancelled. Your entry was not changed.
# A first entry left with /cancel: there was none to keep.
contest-cancelled-new = Cancelled. No entry was sent, and nothing was saved.
contest-saved = ✅ Your entry is saved. You can edit it until { $deadline }.
contest-entry =
    📄 <b>Your entry</b>
    🔗 { $link }
    💡 { $idea }
    📷 Photo received.

    <b>Status:</b> { $status }
contest-no-entry = You have not entered the contest yet.
contest-status-submitted = submitted; the jury will review it
contest-status-shortlisted = ⭐ on the jury's shortlist
contest-status-winner = 🏆 winner!
contest-status-runner-up = 🥈 runner-up

## Jury
contest-entries-empty = No entries yet.
contest-ranking-title = 📊 <b>Ranking</b> — { $count ->
        [one] { $count } entry
       *[other] { $count } entries
    }, by average score
contest-ranking-line = { $place }. { $mark }{ $name } — { $scores ->
        [0] no scores yet
        [one] { $average } ({ $scores } score)
       *[other] { $average } ({ $scores } scores)
    }
contest-card =
    <b>{ $place }.</b> { $mark }{ $name }
    🔗 { $link }
    💡 { $idea }

    📊 { $scores ->
        [0] No scores yet
       *[other] Average: { $average } ({ $scores ->
            [one] { $scores } score
           *[other] { $scores } scores
        } from { $jurors ->
            [one] { $jurors } juror
           *[other] { $jurors } jurors
        })
    }
contest-card-criterion = { $marker } { $criterion } — your score: { $score }
contest-shortlisted = ⭐ shortlisted
contest-shortlist-add = ⭐ Shortlist
contest-shortlist-remove = ☆ Remove from shortlist
contest-scored = Saved: { $criterion } — { $score }
contest-shortlist-on = Added to the shortlist.
contest-shortlist-off = Removed from the shortlist.
contest-card-own = 🙋 Your own entry: the other jurors score it.
contest-own-entry = Your own entry cannot be scored or shortlisted by you.
contest-entry-gone = This entry no longer exists.
contest-entries-more = ⬇️ More ({ $shown } of { $total })

## Winner
contest-winner-choose = 🏆 <b>Choose the winner</b> (by ranking):
contest-winner-draft =
    🏆 Winner: <b>{ $winner }</b>
    🥈 Runners-up: { $runners }

    Tap entries below to add or remove runners-up, then preview the announcement.
contest-winner-none = none
contest-winner-preview-button = 👁 Preview
contest-winner-change = ⬅️ Change the winner
contest-winner-preview-header = 👁 Preview in { $language ->
        [ru] Russian
        [kk] Kazakh
       *[en] English
    }:
contest-winner-confirm-question = Send this announcement to everyone who started the bot, and congratulate the winner?
contest-winner-send = ✅ Send to everyone
contest-winner-sent = ✅ Sent: the winner was congratulated and the announcement is going out to { $count ->
        [one] { $count } person
       *[other] { $count } people
    }.
contest-winner-already =
    ℹ️ The announcement was already sent on { $at }. It cannot be sent twice. Here it is:

    { $text }
contest-winner-stale = This choice is out of date: run /winner again.
contest-winner-early = ⚠️ Entries are open until { $deadline }: once a winner is announced, later entries no longer count. Choose the winner now anyway?
contest-winner-anyway = ▶️ Choose anyway
contest-winner-cancel = ❌ Cancel
contest-winner-cancelled = No winner was chosen; nothing was sent.
contest-announcement =
    🏆 <b>{ $title }</b>: the winner is <b>{ $winner }</b>!

    💡 { $idea }
    🔗 { $link }

    🎁 Prize: { $prize }. Thank you to everyone who took part!
contest-announcement-runners = 🥈 Runners-up: { $names }
contest-erased = (data deleted)
contest-congratulation = 🎉 Congratulations, { $name }! The jury chose your entry as the winner of “{ $title }”. Prize: { $prize }. The organisers will contact you.

## Command menu descriptions
cmd-entries = Contest entries (jury)
cmd-winner = Announce the contest winner

## The form's name, as the shared form rules say it (src/ui/form/ask.ts)
contest-form-title = Contest entry

## Asked once, before the first one (src/ui/consent.ts)
contest-consent =
    🔒 <b>Before your entry</b>
    Your entry (the link to your post, your { $entry ->
        [own] text
       *[idea] idea
    } and the photo) is kept with your Telegram name and username for the jury and the organisers; the winner's name and entry are announced. It is all kept until the event's data is deleted (see /privacy); /forget_me deletes it earlier.
    Data controller: { $controller }
