# The team: roles given by invite links (/team), the door team's search and counter.

team-admin-only = Only admins can do this: they manage the team.
team-role-organiser = organiser
team-role-staff = door staff
team-role-juror = juror
team-title =
    👥 <b>Team</b>
    Admins from the event file and settings: { $admins }. Members invited with a link:
team-empty = No members yet: create an invite link below.
team-member-line = • { $name } — { $role } (<code>{ $id }</code>)
team-invite-button = ➕ Invite: { $role }
team-revoke-button = 🚫 { $name } ({ $role })
team-back = ⬅️ Back
team-uses-question = How many people may join as { $role } with this link? It expires in 24 hours.
team-uses =
    { $count ->
        [one] Single use
       *[other] Up to { $count }
    }
team-invite-created =
    🔗 Invite link: { $role }, { $count ->
        [one] single use
       *[other] up to { $count } people
    }, valid until { $until }.
    Send it only to the people you mean:
    { $link }
team-revoke-confirm = Take the { $role } role from <b>{ $name }</b>? Their buttons and open forms stop working at once.
team-revoke-yes = 🚫 Yes, revoke
team-revoked = { $name } is no longer on the team.
team-revoke-gone = This member is no longer on the team.
team-revoked-member = Your { $role } role for this event has been removed. Thank you for your help!
team-invite-admin = You are an admin already: you can do everything, no invite needed.
team-invite-already = You are already on the team as { $role }.
team-invite-expired = ⌛ This invite link has expired. Ask an organiser for a new one.
team-invite-used = This invite link has been used up. Ask an organiser for a new one.
team-invite-unknown = This invite link is not valid. Ask an organiser for a new one.
team-welcome-organiser =
    🎉 Welcome to the team! You are now an <b>organiser</b>.
    You can do everything: /admin opens the organiser panel (registrations, check-in, ideas, broadcasts, the contest and the quiz).
team-welcome-staff =
    🎉 Welcome to the door team!
    /checkin starts the check-in: send guests' ticket codes or scan their QR codes. /find and a name (3 letters or more) finds a guest. /stats shows how many have arrived.
team-welcome-juror =
    🎉 Welcome to the jury!
    /entries shows the contest entries to score.
team-joined-admins = 👥 { $name } (<code>{ $id }</code>) joined the team as { $role }.
team-checked-in-count = Checked in: { $checkedIn } of { $confirmed }.
team-find-in-mode = You can also send a guest's name (3 letters or more) to find them.
team-find-usage = Send /find and part of the guest's name, e.g. /find Aigerim.
team-find-short = ✋ Type at least { $min } letters of the name.
team-find-none = Nobody among the confirmed guests is called “{ $query }”.
team-find-title = 🔎 Guests found: { $count }
team-find-line = • <b>{ $name }</b> — { $code }
team-find-line-in = • <b>{ $name }</b> — { $code } — ✅ checked in at { $at }
# A companion found by their own name: the guest who registered them, whose code and card they share.
team-find-companion = { $name } (with { $guest })
team-find-checkin = ✅ Check in { $name }
team-find-more = { $count } more: type more of the name.
cmd-team = Team: invite links and roles
cmd-find = Find a guest by name
