<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActionStep</name>
    <message>
        <source>New template…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marketing message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes only to contacts who agreed to marketing, and counts towards the sending limits. Untick for service messages (a cart, an order).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from groups:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happens to each contact the rule selects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new template from the recipe: it is created when you save the rule; change its text under Templates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— choose a template —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark selected as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark selected as failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue the selected failed or uncertain messages to go out again now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest rule-check errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) may or may not have gone out after a crash — Postino will not resend them; check them and mark them as sent or failed.</source>
        <translation>
            <numerusform>%n message may or may not have gone out after a crash — Postino will not resend it; check it and mark it as sent or failed.</numerusform>
            <numerusform>%n messages may or may not have gone out after a crash — Postino will not resend them; check them and mark them as sent or failed.</numerusform>
        </translation>
    </message>
    <message>
        <source> (scroll for older ones)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n row shown</numerusform>
            <numerusform>%n rows shown</numerusform>
        </translation>
    </message>
    <message>
        <source>No errors in recent rule checks.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddConnectionDialog</name>
    <message>
        <source>Add a connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blog feed (RSS or Atom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WooCommerce shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox (bounces and unsubscribes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS replies and delivery (Twilio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-in field (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shop (name.myshopify.com)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App client ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server (IMAP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check every (minutes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WooCommerce has no abandoned carts of its own: orders and customers come in, carts do not. Keys: WooCommerce › Settings › Advanced › REST API (Read).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an app in Shopify&apos;s Dev Dashboard with read access to orders and customers, install it, and copy its client ID and secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mailbox your e-mails are sent from: bounces and unsubscribe replies are moved to a “Postino” folder; other mail is left alone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the Twilio account in Settings: STOP and START replies and delivery reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posts already in the feed when you connect it are not sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddMembersDialog</name>
    <message>
        <source>Add contacts to “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by e-mail, name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact outside the group matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) ticked</source>
        <translation>
            <numerusform>%n contact ticked</numerusform>
            <numerusform>%n contacts ticked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BandList</name>
    <message>
        <source>Add quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BandRow</name>
    <message>
        <source>Remove this band</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionGroup</name>
    <message>
        <source>Add condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add AND/OR block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A block of conditions joined by AND or OR, inside this one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conditions: everyone in the audience matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts who match</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Remove this condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group membership</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reach the source once and check the key, without importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brought in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connections yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect your shop, your blog&apos;s feed, your mailbox or Twilio replies: Postino checks them on its own, no public address needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WooCommerce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cart updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new posts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS STOP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS START</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS not delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>temporary bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refunds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancellations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>auto-replies ignored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other bounces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On, every %1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WooCommerce has no abandoned carts of its own: this connection brings orders and customers only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” answers: %2 item(s) on the first page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” does not work: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking “%1”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove “%1”? What it already brought in stays; its keys are deleted from the keyring.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the groups this contact belongs to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Has this person agreed to receive e-mails or SMS? Until they confirm, keep “Pending”: nothing is sent to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A contact needs an e-mail address or a mobile number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>%1 — in templates: {{ %2 }}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by e-mail, name or phone (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches the start of the e-mail, first or last name, or phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a contact (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts from a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import orders, carts and other events from a shop&apos;s or payment service&apos;s export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts yet — import a CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use “Import CSV…” to bring in a spreadsheet, or “New” to add one by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact matches “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try the start of an e-mail address, a name or a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)? Their history and group memberships are deleted too. This cannot be undone.</source>
        <translation>
            <numerusform>Delete %n contact? Its history and group memberships are deleted too. This cannot be undone.</numerusform>
            <numerusform>Delete %n contacts? Their history and group memberships are deleted too. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DateValue</name>
    <message>
        <source>at</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exports from Excel, Google Sheets, Shopify or WooCommerce all work: the encoding and separator are detected for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add everyone to the group (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a group or type a new name; leave empty for none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FrequencyStep</name>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How often the conditions are checked (not how often someone is messaged), and when sends may go out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At &amp;fixed times</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On which days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some weekdays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until (included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Except</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>move it to the next allowed day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every year on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weekdays:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On a blocked day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours (no sends)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also use the business default (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wait until the quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip the send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A send that falls in quiet hours:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule&apos;s time zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each recipient&apos;s own time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Business time zone (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catch up once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skip them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks missed while the computer was off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again to the same contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested for these conditions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid schedule yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your business, its time zone and the hours when nobody should be disturbed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GeneralStep</name>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the automatic send so you recognise it in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Words separated by commas, e.g. cart, reminders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enabled: check the conditions on the schedule and send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Advice: set up, simulate, then enable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupValue</name>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a group (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the group; its contacts are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find contacts by e-mail, name or phone and add them to this group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take the selected members out of this group; the contacts are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups collect contacts for rules: create one with “New group”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n contact(s) from “%1”? The contacts are kept.</source>
        <translation>
            <numerusform>Remove %n contact from “%1”? The contact is kept.</numerusform>
            <numerusform>Remove %n contacts from “%1”? The contacts are kept.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a group to see its members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Members (first %1 of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: the rules %2 use it. Choose another group in those rules first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the group “%1”? Its contacts are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportChoices</name>
    <message>
        <source>Before importing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not asked yet: pending (no messages until they confirm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They agreed to receive messages: subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They did not agree: unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No: read each row&apos;s own consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in it is subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in it has unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in it bounced (address not valid)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everyone in it is pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detected from the data (else the setting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day/month/year (25/12/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month/day/year (12/25/2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New contacts the file says nothing about:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole file has one status?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dates like 03/04:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognised format: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No known export format: columns matched by their names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file looks like a list of people who are all “%1” (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consent is read from: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no consent column: say below what new contacts agreed to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2: %3 (%4)</source>
        <translation>%1 — %2: %3 (%4)</translation>
    </message>
    <message>
        <source>as chosen for “New contacts the file says nothing about”</source>
        <translation>as chosen for “New contacts the file says nothing about”</translation>
    </message>
    <message>
        <source>as chosen for “The whole file has one status?”</source>
        <translation>as chosen for “The whole file has one status?”</translation>
    </message>
    <message>
        <source>from the whole file&apos;s status: %1</source>
        <translation>from the whole file&apos;s status: %1</translation>
    </message>
    <message>
        <source>Dates in “%1” could be day/month or month/day: read with the date order setting. Choose the order on the previous page if they look wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty columns (no field made): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left out on purpose: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import events</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>Sending limits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How fast Postino may send, and how often one contact may receive marketing messages.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ListValue</name>
    <message>
        <source>Add a value and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LiveCountLabel</name>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Matches now: %n contact(s)</source>
        <translation>
            <numerusform>Matches now: %n contact</numerusform>
            <numerusform>Matches now: %n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 already sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 left out (no consent or no address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot count: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Automatic sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stops every rule check and every send until you resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postino</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose where each column goes. Columns set to “Ignore” are not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Example</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups (names separated by commas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New custom field “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name (split into first and last name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country (for the row&apos;s phone numbers; also kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date of the opt-in (consent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not e-mail (yes = unsubscribed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not send SMS (yes = unsubscribed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as %1, columns separated by “%2”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two columns go to the same field; change one of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One column must hold the e-mail address or the mobile number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what the new contacts agreed to: the file does not say.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PairValue</name>
    <message>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search a contact by e-mail, name or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text part (what mail programs without HTML show):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The SMS as sent:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot render for this contact: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new blog post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event fields (event.…) come from this contact&apos;s latest event: %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipeStep</name>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from a common automation or from a blank rule; you can change everything in the next steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything from scratch: conditions, frequency and template are yours to choose.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientsStep</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only contacts in (none ticked: everyone):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Except contacts in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the rule is for: groups, then conditions on fields and behaviour.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleWizard</name>
    <message>
        <source>Edit automatic send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New automatic send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not saved. Discard what you entered?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <source>% any text, _ one character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches the pattern (% and _)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is one of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is none of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was never set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is less than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is in the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is exactly … ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is more than … ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is in the next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has its anniversary today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is in group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not in group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>joined group … days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered … ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened an e-mail in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not open any e-mail in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked a link in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Did not click in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was sent a message in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Was not sent anything in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last activity … days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No activity in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bought something in the last days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No purchase since a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made a purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Abandoned a cart … ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A field changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New item in an RSS feed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only this rule&apos;s messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link contains</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>feed address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move from one group to another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once per contact, ever</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once per occurrence (each purchase, cart, item…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Again after a number of days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Once a year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sun</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALL of these (AND)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ANY of these (OR)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (7 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>every hour</numerusform>
            <numerusform>every %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>every minute</numerusform>
            <numerusform>every %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Automatic sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search rules (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a rule (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the rule (Enter or double-click)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the rule, disabled (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable/disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the rule on or off (Ctrl+E)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the rule (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who would be selected if the rule ran now (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the rule now and send what is due (Ctrl+Shift+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rules to a JSON file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add rules from a JSON file (all or nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No automatic sends yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create one with “New”: set it up, simulate it, then enable it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enabling this rule causes these problems:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the automatic send “%1”? Its history of sends is deleted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) saved to %1</source>
        <translation>
            <numerusform>%n rule saved to %1</numerusform>
            <numerusform>%n rules saved to %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace rules that have the same name as one in the file? (No: the import stops if a name is already used.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) added</source>
        <translation>
            <numerusform>%n rule added</numerusform>
            <numerusform>%n rules added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunConfirmBox</name>
    <message numerus="yes">
        <source>%n message(s) would go out now (quiet hours and limits apply).</source>
        <translation>
            <numerusform>%n message would go out now (quiet hours and limits apply).</numerusform>
            <numerusform>%n messages would go out now (quiet hours and limits apply).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) would change group now.</source>
        <translation>
            <numerusform>%n contact would change group now.</numerusform>
            <numerusform>%n contacts would change group now.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do right now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “%1” now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import the good rows only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import every row without problems and leave the bad rows out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… %1 rows read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not imported: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rows read: %1 · new: %2 · updated: %3 · unchanged: %4 · duplicates merged: %5 · bad: %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported: %1 new contacts have no consent in the file. Go back and say what they agreed to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported; the bad rows below were left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was imported because of the bad rows below. Correct the file and import it again, or import the good rows only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New custom fields: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 problems are listed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>“%1” is disabled: enable it first, or use Simulate to see who it would select.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postino is paused: “%1” was not checked. Resume sending first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check of “%1” failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” checked now: %2 matched, %3 booked, %4 group changes; %5 sent, %6 failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postino&apos;s engine is not answering: is it running? (see the status bar). Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavedMappingsBar</name>
    <message>
        <source>Use saved columns:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save these columns as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a name, to reuse next time (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretPage</name>
    <message>
        <source>Type where the test should go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent. The provider&apos;s reference: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyring not available: the secret cannot be stored on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in the system keyring. Type a new one to replace it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not stored yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the operating system&apos;s keyring, never in Postino&apos;s files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uses the values on this page as they are now, saved or not</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>correct the fields marked in red first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the settings of every page (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved, but a secret could not be stored (see the red note).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulateDialog</name>
    <message>
        <source>Simulate “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the rule ran now: %1 would be selected, %2 discarded as already sent, %3 left out (no consent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the list as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimulationPage</name>
    <message>
        <source>Simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules to simulate (disabled rules run as if enabled):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How far ahead to look (1 to 90 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom (hours ↔ days):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or use the mouse wheel on the timeline; Shift+wheel or drag to move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shaded: quiet hours (in the rule&apos;s zone; the business zone for rules that follow each recipient&apos;s zone). Grey ticks: checks. Dots: sends; a number is several sends close together — click to list them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose rules and a period, then “Run simulation”. Nothing is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by recipient, rule, message or reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent and not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only not sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show all rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No consent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not allowed by the schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After the period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Simulation cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rules yet: create one in “Automatic sends”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sends, %2 group changes, %3 not sent · %4 checks · computed in %5 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) of the chosen marker</source>
        <translation>
            <numerusform>%n recipient of the chosen marker</numerusform>
            <numerusform>%n recipients of the chosen marker</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the simulation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 (%2 bytes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmsCounter</name>
    <message>
        <source>%1 characters · %2 · %3 SMS (%4 per SMS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: 1 segment per recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost: %1 segments per recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not in the GSM-7 alphabet: the whole message is sent as UCS-2, 70 characters per SMS instead of 160 (67 instead of 153 when split).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 counts as two characters in GSM-7.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SmtpPage</name>
    <message>
        <source>E-mail (SMTP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail server Postino sends e-mails through, and who they come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mails sent that did not bounce, plus SMS the carrier confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages opened at least once, out of the e-mails delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages clicked at least once, out of the e-mails delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchases made within the attribution window after a send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened (unique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened (total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine opens</source>
        <translation>Machine opens</translation>
    </message>
    <message>
        <source>Clicked (unique)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clicked (total)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Machine clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CTOR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deferred by caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped by caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click-to-open rate: unique clicks out of unique opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images fetched by machines (Apple Mail Privacy Protection, scanners): not counted as opens</source>
        <translation>Images fetched by machines (Apple Mail Privacy Protection, scanners): not counted as opens</translation>
    </message>
    <message>
        <source>Links followed by security scanners as the message arrived: not counted as clicks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages whose fate a crash left unknown (see Activity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted rule #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts whose groups this rule changed; it sends nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contacts: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sends in this period yet — simulate a rule, then enable it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sends, opens, clicks and purchases will show here as they happen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days are counted in the business time zone (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a send (imported history, in no rate): %1 opens, %2 clicks, %3 bounces, %4 unsubscribes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens and clicks that no message sent by Postino explains, e.g. from another e-mail tool&apos;s history. They are counted here only, so they cannot push a rate over 100 %.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>engine running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>engine running in another Postino window or service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sandbox on (messages go to the outbox folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail and SMS not configured yet — messages are kept in the outbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail not configured yet — messages are kept in the outbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS not configured yet — messages are kept in the outbox folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e-mail sends paused (see the note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS sends paused (see the note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox: a test mode. Messages are written as files in the outbox folder of the workspace instead of being sent; turn it off in Settings › General.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1 — reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>PAUSED: nothing is checked or sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last check %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rule checked yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n check error(s) in 24 h</source>
        <translation>
            <numerusform>%n check error in 24 h</numerusform>
            <numerusform>%n check errors in 24 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain send(s) — see Activity</source>
        <translation>
            <numerusform>%n uncertain send — see Activity</numerusform>
            <numerusform>%n uncertain sends — see Activity</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <source>Go to the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable the rule when saving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;understand the warnings above and want to enable it anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the rule in words, then save it. Ctrl+S saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the rule…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; except %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matches now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send again</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>(every %n day(s))</source>
        <translation>
            <numerusform>(every %n day)</numerusform>
            <numerusform>(every %n days)</numerusform>
        </translation>
    </message>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is created when you save: change its text under Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot count yet: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contact</numerusform>
            <numerusform>%n contacts</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 already sent)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rule is ready to save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before enabling:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New SMS template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e-mail template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMS text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a contact or event field at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fields: {{ first_name }}; with a fallback: {{ first_name or &quot;cliente&quot; }}. Conditions: {% if event.amount %}…{% endif %}. Without a text part, one is made from the HTML.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Ciao {{ first_name or &quot;cliente&quot; }}!&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e-mail template (Ctrl+N); the arrow offers an SMS template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New e-mail template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New SMS template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template (not possible while a rule uses it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject / first line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No template selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a template on the left, or create one with “New”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not used by any rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template you were editing has unsaved changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: the rules %2 use it. Choose another template in those rules first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template “%1”? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>%n send(s)</source>
        <translation>
            <numerusform>%n send</numerusform>
            <numerusform>%n sends</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more (click to list them)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TwilioPage</name>
    <message>
        <source>SMS (Twilio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your Twilio account, used to send SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Twilio auth token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your mobile number, e.g. +39 333 1234567</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+39 333 123 4567</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it, en…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked: yes · empty: no · filled square: not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a date: type it like %2 or pick it on the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>placeholders</name>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>amount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>order or cart number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>shop name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsubscribe link</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Day/month/year (31/12/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month/day/year (12/31/2026)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox is a test mode: nothing reaches your customers. Each message is written as a file in the outbox folder of the workspace, so you can open it and check it. Turn it off to send for real.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your business is, written Continent/City (e.g. Europe/Rome): quiet hours and “at 09:00” times follow its clock, summer time included. Type a city to find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hours when no message is sent, as start-end bands in 24-hour time, separated by commas (e.g. 21:00-09:00). A message due then waits for the end of the band.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Subscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
