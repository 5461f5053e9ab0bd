<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
<context>
    <name>ActionStep</name>
    <message>
        <source>New template…</source>
        <translation>Nuovo modello…</translation>
    </message>
    <message>
        <source>Marketing message</source>
        <translation>Messaggio di marketing</translation>
    </message>
    <message>
        <source>Goes only to contacts who agreed to marketing, and counts towards the sending limits. Untick for service messages (a cart, an order).</source>
        <translation>Va solo a chi ha dato il consenso al marketing e conta per i limiti di invio. Togli la spunta per i messaggi di servizio (un carrello, un ordine).</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modello:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppo:</translation>
    </message>
    <message>
        <source>&amp;From group:</source>
        <translation>&amp;Dal gruppo:</translation>
    </message>
    <message>
        <source>&amp;To group:</source>
        <translation>&amp;Al gruppo:</translation>
    </message>
    <message>
        <source>Afterwards</source>
        <translation>Dopo l&apos;invio</translation>
    </message>
    <message>
        <source>Add to groups:</source>
        <translation>Aggiungi ai gruppi:</translation>
    </message>
    <message>
        <source>Remove from groups:</source>
        <translation>Togli dai gruppi:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>&amp;Azione:</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>What happens to each contact the rule selects.</source>
        <translation>Che cosa succede a ogni contatto selezionato dalla regola.</translation>
    </message>
    <message>
        <source>A new template from the recipe: it is created when you save the rule; change its text under Templates.</source>
        <translation>Un modello nuovo dalla ricetta: viene creato quando salvi la regola; cambiane il testo in Modelli.</translation>
    </message>
    <message>
        <source>— choose a template —</source>
        <translation>— scegli un modello —</translation>
    </message>
</context>
<context>
    <name>ActivityPage</name>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Pianificato</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>Rimandato</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>In invio</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltato</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Scartato</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incerto</translation>
    </message>
    <message>
        <source>Group change</source>
        <translation>Cambio di gruppo</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Stato:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regola:</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Tutti gli stati</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Tutte le regole</translation>
    </message>
    <message>
        <source>Between</source>
        <translation>Tra le date</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Show them</source>
        <translation>Mostrali</translation>
    </message>
    <message>
        <source>Mark selected as sent</source>
        <translation>Segna i selezionati come inviati</translation>
    </message>
    <message>
        <source>Mark selected as failed</source>
        <translation>Segna i selezionati come non riusciti</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Invia di nuovo</translation>
    </message>
    <message>
        <source>Queue the selected failed or uncertain messages to go out again now</source>
        <translation>Rimetti in coda ora i messaggi selezionati non riusciti o incerti</translation>
    </message>
    <message>
        <source>Latest rule-check errors</source>
        <translation>Ultimi errori nei controlli delle regole</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regola</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contatto</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Provider id</source>
        <translation>ID del fornitore</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) may or may not have gone out after a crash — Postino will not resend them; check them and mark them as sent or failed.</source>
        <translation>
            <numerusform>%n messaggio potrebbe essere partito o no dopo un arresto anomalo — Postino non lo rinvierà; controllalo e segnalo come inviato o non riuscito.</numerusform>
            <numerusform>%n messaggi potrebbero essere partiti o no dopo un arresto anomalo — Postino non li rinvierà; controllali e segnali come inviati o non riusciti.</numerusform>
        </translation>
    </message>
    <message>
        <source> (scroll for older ones)</source>
        <translation> (scorri per i più vecchi)</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) shown</source>
        <translation>
            <numerusform>%n riga mostrata</numerusform>
            <numerusform>%n righe mostrate</numerusform>
        </translation>
    </message>
    <message>
        <source>No errors in recent rule checks.</source>
        <translation>Nessun errore nei controlli recenti delle regole.</translation>
    </message>
</context>
<context>
    <name>AddConnectionDialog</name>
    <message>
        <source>Add a connection</source>
        <translation>Aggiungi un collegamento</translation>
    </message>
    <message>
        <source>Blog feed (RSS or Atom)</source>
        <translation>Feed del blog (RSS o Atom)</translation>
    </message>
    <message>
        <source>WooCommerce shop</source>
        <translation>Negozio WooCommerce</translation>
    </message>
    <message>
        <source>Shopify shop</source>
        <translation>Negozio Shopify</translation>
    </message>
    <message>
        <source>Mailbox (bounces and unsubscribes)</source>
        <translation>Casella di posta (rimbalzi e disiscrizioni)</translation>
    </message>
    <message>
        <source>SMS replies and delivery (Twilio)</source>
        <translation>Risposte e consegne SMS (Twilio)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Address (https://…)</source>
        <translation>Indirizzo (https://…)</translation>
    </message>
    <message>
        <source>Consumer key</source>
        <translation>Chiave consumer</translation>
    </message>
    <message>
        <source>Consumer secret</source>
        <translation>Segreto consumer</translation>
    </message>
    <message>
        <source>Opt-in field (optional)</source>
        <translation>Campo di consenso (facoltativo)</translation>
    </message>
    <message>
        <source>Shop (name.myshopify.com)</source>
        <translation>Negozio (nome.myshopify.com)</translation>
    </message>
    <message>
        <source>App client ID</source>
        <translation>ID client dell&apos;app</translation>
    </message>
    <message>
        <source>App client secret</source>
        <translation>Segreto client dell&apos;app</translation>
    </message>
    <message>
        <source>Mail server (IMAP)</source>
        <translation>Server di posta (IMAP)</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Porta</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utente</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Check every (minutes)</source>
        <translation>Controlla ogni (minuti)</translation>
    </message>
    <message>
        <source>WooCommerce has no abandoned carts of its own: orders and customers come in, carts do not. Keys: WooCommerce › Settings › Advanced › REST API (Read).</source>
        <translation>WooCommerce non ha carrelli abbandonati suoi: arrivano ordini e clienti, i carrelli no. Chiavi: WooCommerce › Impostazioni › Avanzate › REST API (Lettura).</translation>
    </message>
    <message>
        <source>Create an app in Shopify&apos;s Dev Dashboard with read access to orders and customers, install it, and copy its client ID and secret.</source>
        <translation>Crea un&apos;app nella Dev Dashboard di Shopify con accesso in lettura a ordini e clienti, installala e copia ID client e segreto.</translation>
    </message>
    <message>
        <source>The mailbox your e-mails are sent from: bounces and unsubscribe replies are moved to a “Postino” folder; other mail is left alone.</source>
        <translation>La casella da cui partono le tue e-mail: rimbalzi e richieste di disiscrizione vanno nella cartella “Postino”; il resto della posta non viene toccato.</translation>
    </message>
    <message>
        <source>Uses the Twilio account in Settings: STOP and START replies and delivery reports.</source>
        <translation>Usa l&apos;account Twilio delle Impostazioni: risposte STOP e START e rapporti di consegna.</translation>
    </message>
    <message>
        <source>Posts already in the feed when you connect it are not sent.</source>
        <translation>Gli articoli già nel feed quando lo colleghi non vengono inviati.</translation>
    </message>
</context>
<context>
    <name>AddMembersDialog</name>
    <message>
        <source>Add contacts to “%1”</source>
        <translation>Aggiungi contatti a «%1»</translation>
    </message>
    <message>
        <source>Search by e-mail, name or phone</source>
        <translation>Cerca per e-mail, nome o telefono</translation>
    </message>
    <message>
        <source>Add to the group</source>
        <translation>Aggiungi al gruppo</translation>
    </message>
    <message>
        <source>No contact outside the group matches.</source>
        <translation>Nessun contatto fuori dal gruppo corrisponde.</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) ticked</source>
        <translation>
            <numerusform>%n contatto selezionato</numerusform>
            <numerusform>%n contatti selezionati</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BandList</name>
    <message>
        <source>Add quiet hours</source>
        <translation>Aggiungi fascia di silenzio</translation>
    </message>
</context>
<context>
    <name>BandRow</name>
    <message>
        <source>Remove this band</source>
        <translation>Rimuovi questa fascia</translation>
    </message>
</context>
<context>
    <name>ConditionGroup</name>
    <message>
        <source>Add condition</source>
        <translation>Aggiungi condizione</translation>
    </message>
    <message>
        <source>Add AND/OR block</source>
        <translation>Aggiungi blocco E/O</translation>
    </message>
    <message>
        <source>A block of conditions joined by AND or OR, inside this one</source>
        <translation>Un blocco di condizioni unite da E oppure O, dentro questo</translation>
    </message>
    <message>
        <source>Remove block</source>
        <translation>Rimuovi blocco</translation>
    </message>
    <message>
        <source>No conditions: everyone in the audience matches.</source>
        <translation>Nessuna condizione: tutti i destinatari scelti corrispondono.</translation>
    </message>
    <message>
        <source>Contacts who match</source>
        <translation>Contatti che soddisfano</translation>
    </message>
</context>
<context>
    <name>ConditionRow</name>
    <message>
        <source>Remove this condition</source>
        <translation>Rimuovi questa condizione</translation>
    </message>
    <message>
        <source>Field: %1</source>
        <translation>Campo: %1</translation>
    </message>
    <message>
        <source>Group membership</source>
        <translation>Appartenenza a un gruppo</translation>
    </message>
</context>
<context>
    <name>ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>Collegamenti</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Prova</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>Controlla ora</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
    <message>
        <source>Reach the source once and check the key, without importing</source>
        <translation>Raggiunge la fonte una volta e verifica la chiave, senza importare</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stato</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Ultimo controllo</translation>
    </message>
    <message>
        <source>Brought in</source>
        <translation>Portato dentro</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>No connections yet</source>
        <translation>Ancora nessun collegamento</translation>
    </message>
    <message>
        <source>Connect your shop, your blog&apos;s feed, your mailbox or Twilio replies: Postino checks them on its own, no public address needed.</source>
        <translation>Collega il negozio, il feed del blog, la casella di posta o le risposte Twilio: Postino li controlla da solo, senza bisogno di un indirizzo pubblico.</translation>
    </message>
    <message>
        <source>Feed</source>
        <translation>Feed</translation>
    </message>
    <message>
        <source>WooCommerce</source>
        <translation>WooCommerce</translation>
    </message>
    <message>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation>Casella di posta</translation>
    </message>
    <message>
        <source>SMS replies</source>
        <translation>Risposte SMS</translation>
    </message>
    <message>
        <source>purchases</source>
        <translation>acquisti</translation>
    </message>
    <message>
        <source>cart updates</source>
        <translation>aggiornamenti del carrello</translation>
    </message>
    <message>
        <source>new posts</source>
        <translation>nuovi articoli</translation>
    </message>
    <message>
        <source>new contacts</source>
        <translation>nuovi contatti</translation>
    </message>
    <message>
        <source>contacts updated</source>
        <translation>contatti aggiornati</translation>
    </message>
    <message>
        <source>SMS STOP</source>
        <translation>SMS STOP</translation>
    </message>
    <message>
        <source>SMS START</source>
        <translation>SMS START</translation>
    </message>
    <message>
        <source>SMS delivered</source>
        <translation>SMS consegnati</translation>
    </message>
    <message>
        <source>SMS not delivered</source>
        <translation>SMS non consegnati</translation>
    </message>
    <message>
        <source>bounces</source>
        <translation>rimbalzi</translation>
    </message>
    <message>
        <source>temporary bounces</source>
        <translation>rimbalzi temporanei</translation>
    </message>
    <message>
        <source>unsubscribes</source>
        <translation>disiscrizioni</translation>
    </message>
    <message>
        <source>refunds</source>
        <translation>rimborsi</translation>
    </message>
    <message>
        <source>cancellations</source>
        <translation>annullamenti</translation>
    </message>
    <message>
        <source>auto-replies ignored</source>
        <translation>risposte automatiche ignorate</translation>
    </message>
    <message>
        <source>other bounces</source>
        <translation>altri rimbalzi</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>niente di nuovo</translation>
    </message>
    <message>
        <source>On, every %1 min</source>
        <translation>Attivo, ogni %1 min</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>In pausa</translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Riprendi</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>WooCommerce has no abandoned carts of its own: this connection brings orders and customers only.</source>
        <translation>WooCommerce non ha carrelli abbandonati suoi: questo collegamento porta solo ordini e clienti.</translation>
    </message>
    <message>
        <source>Testing “%1”…</source>
        <translation>Prova di “%1”…</translation>
    </message>
    <message>
        <source>“%1” answers: %2 item(s) on the first page.</source>
        <translation>“%1” risponde: %2 elementi nella prima pagina.</translation>
    </message>
    <message>
        <source>“%1” does not work: %2</source>
        <translation>“%1” non funziona: %2</translation>
    </message>
    <message>
        <source>Checking “%1”…</source>
        <translation>Controllo di “%1”…</translation>
    </message>
    <message>
        <source>“%1” failed: %2</source>
        <translation>“%1” non è riuscito: %2</translation>
    </message>
    <message>
        <source>“%1” — %2</source>
        <translation>“%1” — %2</translation>
    </message>
    <message>
        <source>Remove connection</source>
        <translation>Rimuovi collegamento</translation>
    </message>
    <message>
        <source>Remove “%1”? What it already brought in stays; its keys are deleted from the keyring.</source>
        <translation>Rimuovere “%1”? Quello che ha già portato resta; le sue chiavi vengono cancellate dal portachiavi.</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <source>New contact</source>
        <translation>Nuovo contatto</translation>
    </message>
    <message>
        <source>Edit contact</source>
        <translation>Modifica contatto</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Tick the groups this contact belongs to</source>
        <translation>Spunta i gruppi di cui fa parte questo contatto</translation>
    </message>
    <message>
        <source>Has this person agreed to receive e-mails or SMS? Until they confirm, keep “Pending”: nothing is sent to them.</source>
        <translation>Questa persona ha accettato di ricevere e-mail o SMS? Finché non conferma, lascia «In attesa»: non le viene inviato nulla.</translation>
    </message>
    <message>
        <source>A contact needs an e-mail address or a mobile number</source>
        <translation>Un contatto deve avere un indirizzo e-mail o un numero di cellulare</translation>
    </message>
</context>
<context>
    <name>ContactsModel</name>
    <message>
        <source>%1 — in templates: {{ %2 }}</source>
        <translation>%1 — nei modelli: {{ %2 }}</translation>
    </message>
</context>
<context>
    <name>ContactsPage</name>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Search by e-mail, name or phone (Ctrl+F)</source>
        <translation>Cerca per e-mail, nome o telefono (Ctrl+F)</translation>
    </message>
    <message>
        <source>Matches the start of the e-mail, first or last name, or phone number</source>
        <translation>Trova l&apos;inizio dell&apos;e-mail, del nome, del cognome o del numero di telefono</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Add a contact (Ctrl+N)</source>
        <translation>Aggiungi un contatto (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Edit the selected contact</source>
        <translation>Modifica il contatto selezionato</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the selected contacts</source>
        <translation>Elimina i contatti selezionati</translation>
    </message>
    <message>
        <source>Import CSV…</source>
        <translation>Importa CSV…</translation>
    </message>
    <message>
        <source>Import contacts from a CSV file</source>
        <translation>Importa contatti da un file CSV</translation>
    </message>
    <message>
        <source>Import orders…</source>
        <translation>Importa ordini…</translation>
    </message>
    <message>
        <source>Import orders, carts and other events from a shop&apos;s or payment service&apos;s export</source>
        <translation>Importa ordini, carrelli e altri eventi dall&apos;esportazione di un negozio online o di un servizio di pagamento</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Conteggio…</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n risultato</numerusform>
            <numerusform>%n risultati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contatto</numerusform>
            <numerusform>%n contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>No contacts yet — import a CSV</source>
        <translation>Ancora nessun contatto — importa un CSV</translation>
    </message>
    <message>
        <source>Use “Import CSV…” to bring in a spreadsheet, or “New” to add one by hand.</source>
        <translation>Usa “Importa CSV…” per caricare un foglio di calcolo, oppure “Nuovo” per aggiungerne uno a mano.</translation>
    </message>
    <message>
        <source>No contact matches “%1”</source>
        <translation>Nessun contatto corrisponde a “%1”</translation>
    </message>
    <message>
        <source>Try the start of an e-mail address, a name or a phone number.</source>
        <translation>Prova con l&apos;inizio di un indirizzo e-mail, di un nome o di un numero di telefono.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contact(s)? Their history and group memberships are deleted too. This cannot be undone.</source>
        <translation>
            <numerusform>Eliminare %n contatto? Vengono eliminate anche la sua storia e le appartenenze ai gruppi. Non si può annullare.</numerusform>
            <numerusform>Eliminare %n contatti? Vengono eliminate anche la loro storia e le appartenenze ai gruppi. Non si può annullare.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Elimina contatti</translation>
    </message>
</context>
<context>
    <name>DateValue</name>
    <message>
        <source>at</source>
        <translation>alle</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a CSV file</source>
        <translation>Scegli un file CSV</translation>
    </message>
    <message>
        <source>Exports from Excel, Google Sheets, Shopify or WooCommerce all work: the encoding and separator are detected for you.</source>
        <translation>Vanno bene le esportazioni di Excel, Google Fogli, Shopify o WooCommerce: codifica e separatore vengono riconosciuti da soli.</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Add everyone to the group (optional):</source>
        <translation>Aggiungi tutti al gruppo (facoltativo):</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Sfoglia…</translation>
    </message>
    <message>
        <source>Pick a group or type a new name; leave empty for none</source>
        <translation>Scegli un gruppo o scrivi un nome nuovo; lascia vuoto per nessuno</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>File CSV (*.csv *.txt);;Tutti i file (*)</translation>
    </message>
</context>
<context>
    <name>FrequencyStep</name>
    <message>
        <source>Frequency</source>
        <translation>Frequenza</translation>
    </message>
    <message>
        <source>How often the conditions are checked (not how often someone is messaged), and when sends may go out.</source>
        <translation>Ogni quanto si verificano le condizioni (non ogni quanto si scrive a qualcuno) e quando gli invii possono partire.</translation>
    </message>
    <message>
        <source>Check the conditions</source>
        <translation>Verifica le condizioni</translation>
    </message>
    <message>
        <source>&amp;Every</source>
        <translation>&amp;Ogni</translation>
    </message>
    <message>
        <source>At &amp;fixed times</source>
        <translation>A orari &amp;fissi</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minuti</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ore</translation>
    </message>
    <message>
        <source>On which days</source>
        <translation>In quali giorni</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Ogni giorno</translation>
    </message>
    <message>
        <source>Some weekdays</source>
        <translation>Alcuni giorni della settimana</translation>
    </message>
    <message>
        <source>Monthly</source>
        <translation>Ogni mese</translation>
    </message>
    <message>
        <source>Yearly</source>
        <translation>Ogni anno</translation>
    </message>
    <message>
        <source>every </source>
        <translation>ogni </translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> settimana/e</translation>
    </message>
    <message>
        <source>on day</source>
        <translation>il giorno</translation>
    </message>
    <message>
        <source>on the</source>
        <translation>il/la</translation>
    </message>
    <message>
        <source>first</source>
        <translation>primo</translation>
    </message>
    <message>
        <source>second</source>
        <translation>secondo</translation>
    </message>
    <message>
        <source>third</source>
        <translation>terzo</translation>
    </message>
    <message>
        <source>fourth</source>
        <translation>quarto</translation>
    </message>
    <message>
        <source>fifth</source>
        <translation>quinto</translation>
    </message>
    <message>
        <source>last</source>
        <translation>ultimo</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Ripeti:</translation>
    </message>
    <message>
        <source>Active period</source>
        <translation>Periodo di attività</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dal</translation>
    </message>
    <message>
        <source>Until (included)</source>
        <translation>Fino al (compreso)</translation>
    </message>
    <message>
        <source>Except</source>
        <translation>Eccetto</translation>
    </message>
    <message>
        <source>skip the check</source>
        <translation>salta la verifica</translation>
    </message>
    <message>
        <source>move it to the next allowed day</source>
        <translation>spostala al primo giorno consentito</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>Date:</translation>
    </message>
    <message>
        <source>Every year on:</source>
        <translation>Ogni anno il:</translation>
    </message>
    <message>
        <source>Weekdays:</source>
        <translation>Giorni della settimana:</translation>
    </message>
    <message>
        <source>On a blocked day:</source>
        <translation>In un giorno escluso:</translation>
    </message>
    <message>
        <source>Quiet hours (no sends)</source>
        <translation>Ore di silenzio (nessun invio)</translation>
    </message>
    <message>
        <source>Also use the business default (%1)</source>
        <translation>Usa anche quelle predefinite dell&apos;attività (%1)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nessuna</translation>
    </message>
    <message>
        <source>wait until the quiet hours end</source>
        <translation>attendi la fine delle ore di silenzio</translation>
    </message>
    <message>
        <source>skip the send</source>
        <translation>salta l&apos;invio</translation>
    </message>
    <message>
        <source>A send that falls in quiet hours:</source>
        <translation>Un invio che cade nelle ore di silenzio:</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuso orario</translation>
    </message>
    <message>
        <source>The rule&apos;s time zone:</source>
        <translation>Il fuso orario della regola:</translation>
    </message>
    <message>
        <source>Each recipient&apos;s own time zone</source>
        <translation>Il fuso orario di ciascun destinatario</translation>
    </message>
    <message>
        <source>Business time zone (%1)</source>
        <translation>Fuso orario dell&apos;attività (%1)</translation>
    </message>
    <message>
        <source>catch up once</source>
        <translation>recupera una volta</translation>
    </message>
    <message>
        <source>skip them</source>
        <translation>saltale</translation>
    </message>
    <message>
        <source>Checks missed while the computer was off:</source>
        <translation>Verifiche perse mentre il computer era spento:</translation>
    </message>
    <message>
        <source>Send again to the same contact</source>
        <translation>Invia di nuovo allo stesso contatto</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>Suggested for these conditions: %1</source>
        <translation>Consigliato per queste condizioni: %1</translation>
    </message>
    <message>
        <source>Not a valid schedule yet: %1</source>
        <translation>Pianificazione non ancora valida: %1</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>General</source>
        <translation>Generale</translation>
    </message>
    <message>
        <source>Your business, its time zone and the hours when nobody should be disturbed.</source>
        <translation>La tua attività, il suo fuso orario e le ore in cui nessuno va disturbato.</translation>
    </message>
</context>
<context>
    <name>GeneralStep</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>&amp;Descrizione:</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Etichette:</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Generale</translation>
    </message>
    <message>
        <source>Name the automatic send so you recognise it in the list.</source>
        <translation>Dai un nome all&apos;invio automatico per riconoscerlo nell&apos;elenco.</translation>
    </message>
    <message>
        <source>Words separated by commas, e.g. cart, reminders</source>
        <translation>Parole separate da virgole, es. carrello, promemoria</translation>
    </message>
    <message>
        <source>&amp;Enabled: check the conditions on the schedule and send</source>
        <translation>&amp;Attivo: verifica le condizioni secondo la pianificazione e invia</translation>
    </message>
    <message>
        <source>Advice: set up, simulate, then enable.</source>
        <translation>Consiglio: configura, simula, poi attiva.</translation>
    </message>
</context>
<context>
    <name>GroupValue</name>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Nuovo gruppo</translation>
    </message>
    <message>
        <source>Create a group (Ctrl+N)</source>
        <translation>Crea un gruppo (Ctrl+N)</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Rinomina</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the group; its contacts are kept</source>
        <translation>Elimina il gruppo; i suoi contatti restano</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Membri</translation>
    </message>
    <message>
        <source>Add contacts…</source>
        <translation>Aggiungi contatti…</translation>
    </message>
    <message>
        <source>Find contacts by e-mail, name or phone and add them to this group</source>
        <translation>Trova contatti per e-mail, nome o telefono e aggiungili a questo gruppo</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Togli dal gruppo</translation>
    </message>
    <message>
        <source>Take the selected members out of this group; the contacts are kept</source>
        <translation>Togli i membri selezionati da questo gruppo; i contatti restano</translation>
    </message>
    <message>
        <source>No groups yet</source>
        <translation>Ancora nessun gruppo</translation>
    </message>
    <message>
        <source>Groups collect contacts for rules: create one with “New group”.</source>
        <translation>I gruppi raccolgono i contatti per le regole: creane uno con “Nuovo gruppo”.</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n contact(s) from “%1”? The contacts are kept.</source>
        <translation>
            <numerusform>Togliere %n contatto da «%1»? Il contatto resta.</numerusform>
            <numerusform>Togliere %n contatti da «%1»? I contatti restano.</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a group to see its members</source>
        <translation>Seleziona un gruppo per vederne i membri</translation>
    </message>
    <message>
        <source>Members (first %1 of %2)</source>
        <translation>Membri (i primi %1 di %2)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n membro</numerusform>
            <numerusform>%n membri</numerusform>
        </translation>
    </message>
    <message>
        <source>Group name:</source>
        <translation>Nome del gruppo:</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Rinomina gruppo</translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: the rules %2 use it. Choose another group in those rules first.</source>
        <translation>“%1” non si può eliminare: lo usano le regole %2. Scegli prima un altro gruppo in quelle regole.</translation>
    </message>
    <message>
        <source>Delete the group “%1”? Its contacts are kept.</source>
        <translation>Eliminare il gruppo “%1”? I suoi contatti restano.</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Elimina gruppo</translation>
    </message>
</context>
<context>
    <name>ImportChoices</name>
    <message>
        <source>Before importing</source>
        <translation>Prima di importare</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Scegli…</translation>
    </message>
    <message>
        <source>Not asked yet: pending (no messages until they confirm)</source>
        <translation>Non ancora chiesto: in attesa (nessun messaggio finché non confermano)</translation>
    </message>
    <message>
        <source>They agreed to receive messages: subscribed</source>
        <translation>Hanno accettato di ricevere messaggi: iscritti</translation>
    </message>
    <message>
        <source>They did not agree: unsubscribed</source>
        <translation>Non hanno accettato: disiscritti</translation>
    </message>
    <message>
        <source>No: read each row&apos;s own consent</source>
        <translation>No: leggi il consenso di ogni riga</translation>
    </message>
    <message>
        <source>Everyone in it is subscribed</source>
        <translation>Sono tutti iscritti</translation>
    </message>
    <message>
        <source>Everyone in it has unsubscribed</source>
        <translation>Si sono tutti disiscritti</translation>
    </message>
    <message>
        <source>Everyone in it bounced (address not valid)</source>
        <translation>Sono tutti rimbalzati (indirizzo non valido)</translation>
    </message>
    <message>
        <source>Everyone in it is pending</source>
        <translation>Sono tutti in attesa</translation>
    </message>
    <message>
        <source>Detected from the data (else the setting)</source>
        <translation>Riconosciuto dai dati (altrimenti l&apos;impostazione)</translation>
    </message>
    <message>
        <source>Day/month/year (25/12/2025)</source>
        <translation>Giorno/mese/anno (25/12/2025)</translation>
    </message>
    <message>
        <source>Month/day/year (12/25/2025)</source>
        <translation>Mese/giorno/anno (12/25/2025)</translation>
    </message>
    <message>
        <source>New contacts the file says nothing about:</source>
        <translation>Nuovi contatti di cui il file non dice nulla:</translation>
    </message>
    <message>
        <source>The whole file has one status?</source>
        <translation>L&apos;intero file ha un solo stato?</translation>
    </message>
    <message>
        <source>Dates like 03/04:</source>
        <translation>Date come 03/04:</translation>
    </message>
    <message>
        <source>Recognised format: %1</source>
        <translation>Formato riconosciuto: %1</translation>
    </message>
    <message>
        <source>No known export format: columns matched by their names.</source>
        <translation>Nessun formato noto: colonne riconosciute dal nome.</translation>
    </message>
    <message>
        <source>The file looks like a list of people who are all “%1” (%2).</source>
        <translation>Il file sembra un elenco di contatti tutti «%1» (%2).</translation>
    </message>
    <message>
        <source>Consent is read from: %1</source>
        <translation>Il consenso è letto da: %1</translation>
    </message>
    <message>
        <source>The file has no consent column: say below what new contacts agreed to.</source>
        <translation>Il file non ha una colonna del consenso: indica qui sotto cosa hanno accettato i nuovi contatti.</translation>
    </message>
</context>
<context>
    <name>ImportReport</name>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>%1 — %2: %3 (%4)</source>
        <translation>%1 — %2: %3 (%4)</translation>
    </message>
    <message>
        <source>as chosen for “New contacts the file says nothing about”</source>
        <translation>come scelto per «Nuovi contatti di cui il file non dice nulla»</translation>
    </message>
    <message>
        <source>as chosen for “The whole file has one status?”</source>
        <translation>come scelto per «L&apos;intero file ha un solo stato?»</translation>
    </message>
    <message>
        <source>from the whole file&apos;s status: %1</source>
        <translation>dallo stato dell&apos;intero file: %1</translation>
    </message>
    <message>
        <source>Dates in “%1” could be day/month or month/day: read with the date order setting. Choose the order on the previous page if they look wrong.</source>
        <translation>Le date in «%1» possono essere giorno/mese o mese/giorno: lette secondo l&apos;impostazione dell&apos;ordine delle date. Se sembrano sbagliate, scegli l&apos;ordine nella pagina precedente.</translation>
    </message>
    <message>
        <source>Empty columns (no field made): %1</source>
        <translation>Colonne vuote (nessun campo creato): %1</translation>
    </message>
    <message>
        <source>Left out on purpose: %1 (%2)</source>
        <translation>Lasciati fuori di proposito: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Importa contatti</translation>
    </message>
    <message>
        <source>Import events</source>
        <translation>Importa eventi</translation>
    </message>
</context>
<context>
    <name>LimitsPage</name>
    <message>
        <source>Sending limits</source>
        <translation>Limiti di invio</translation>
    </message>
    <message>
        <source>How fast Postino may send, and how often one contact may receive marketing messages.</source>
        <translation>Quanto velocemente Postino può inviare, e quanto spesso un contatto può ricevere messaggi di marketing.</translation>
    </message>
</context>
<context>
    <name>ListValue</name>
    <message>
        <source>Add a value and press Enter</source>
        <translation>Scrivi un valore e premi Invio</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
</context>
<context>
    <name>LiveCountLabel</name>
    <message>
        <source>Counting…</source>
        <translation>Conteggio…</translation>
    </message>
    <message>
        <source>Cannot count yet: %1</source>
        <translation>Non posso ancora contare: %1</translation>
    </message>
    <message numerus="yes">
        <source>Matches now: %n contact(s)</source>
        <translation>
            <numerusform>Corrispondono ora: %n contatto</numerusform>
            <numerusform>Corrispondono ora: %n contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 already sent)</source>
        <translation>(%1 già inviati)</translation>
    </message>
    <message>
        <source>%1 left out (no consent or no address)</source>
        <translation>%1 esclusi (senza consenso o senza indirizzo)</translation>
    </message>
    <message>
        <source>Cannot count: %1</source>
        <translation>Impossibile contare: %1</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Automatic sends</source>
        <translation>Invii automatici</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Contatti</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>Simulation</source>
        <translation>Simulazione</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>Statistiche</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Attività</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Collegamenti</translation>
    </message>
    <message>
        <source>Resume sending</source>
        <translation>Riprendi gli invii</translation>
    </message>
    <message>
        <source>Pause sending</source>
        <translation>Metti in pausa gli invii</translation>
    </message>
    <message>
        <source>Stops every rule check and every send until you resume</source>
        <translation>Ferma ogni controllo delle regole e ogni invio finché non riprendi</translation>
    </message>
    <message>
        <source>Postino</source>
        <translation>Postino</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Check the columns</source>
        <translation>Controlla le colonne</translation>
    </message>
    <message>
        <source>Choose where each column goes. Columns set to “Ignore” are not imported.</source>
        <translation>Scegli dove va ogni colonna. Le colonne impostate su “Ignora” non vengono importate.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonne</translation>
    </message>
    <message>
        <source>First rows of the file</source>
        <translation>Prime righe del file</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Esempio</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Va in</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Lettura del file…</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Ignora</translation>
    </message>
    <message>
        <source>Groups (names separated by commas)</source>
        <translation>Gruppi (nomi separati da virgole)</translation>
    </message>
    <message>
        <source>New custom field “%1”</source>
        <translation>Nuovo campo personalizzato “%1”</translation>
    </message>
    <message>
        <source>Full name (split into first and last name)</source>
        <translation>Nome completo (diviso in nome e cognome)</translation>
    </message>
    <message>
        <source>Country (for the row&apos;s phone numbers; also kept)</source>
        <translation>Paese (per i numeri di telefono della riga; viene anche salvato)</translation>
    </message>
    <message>
        <source>Date of the opt-in (consent)</source>
        <translation>Data del consenso (opt-in)</translation>
    </message>
    <message>
        <source>Do not e-mail (yes = unsubscribed)</source>
        <translation>Non inviare e-mail (sì = disiscritto)</translation>
    </message>
    <message>
        <source>Do not send SMS (yes = unsubscribed)</source>
        <translation>Non inviare SMS (sì = disiscritto)</translation>
    </message>
    <message>
        <source>Read as %1, columns separated by “%2”.</source>
        <translation>Letto come %1, colonne separate da “%2”.</translation>
    </message>
    <message>
        <source>Two columns go to the same field; change one of them.</source>
        <translation>Due colonne vanno nello stesso campo; cambiane una.</translation>
    </message>
    <message>
        <source>One column must hold the e-mail address or the mobile number.</source>
        <translation>Una colonna deve contenere l&apos;indirizzo e-mail o il numero di cellulare.</translation>
    </message>
    <message>
        <source>Say what the new contacts agreed to: the file does not say.</source>
        <translation>Indica cosa hanno accettato i nuovi contatti: il file non lo dice.</translation>
    </message>
</context>
<context>
    <name>PairValue</name>
    <message>
        <source>and</source>
        <translation>e</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Preview</source>
        <translation>Anteprima</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Contatto:</translation>
    </message>
    <message>
        <source>Search a contact by e-mail, name or phone</source>
        <translation>Cerca un contatto per e-mail, nome o telefono</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Oggetto:</translation>
    </message>
    <message>
        <source>Text part (what mail programs without HTML show):</source>
        <translation>Parte di testo (quello che mostrano i programmi di posta senza HTML):</translation>
    </message>
    <message>
        <source>The SMS as sent:</source>
        <translation>L&apos;SMS come verrà inviato:</translation>
    </message>
    <message>
        <source>Cannot render for this contact: %1</source>
        <translation>Impossibile comporre il messaggio per questo contatto: %1</translation>
    </message>
    <message>
        <source>purchase</source>
        <translation>acquisto</translation>
    </message>
    <message>
        <source>cart</source>
        <translation>carrello</translation>
    </message>
    <message>
        <source>new blog post</source>
        <translation>nuovo articolo del blog</translation>
    </message>
    <message>
        <source>custom</source>
        <translation>personalizzato</translation>
    </message>
    <message>
        <source>Event fields (event.…) come from this contact&apos;s latest event: %1.</source>
        <translation>I campi dell&apos;evento (event.…) vengono dall&apos;ultimo evento di questo contatto: %1.</translation>
    </message>
</context>
<context>
    <name>RecipeStep</name>
    <message>
        <source>Start</source>
        <translation>Inizio</translation>
    </message>
    <message>
        <source>Start from a common automation or from a blank rule; you can change everything in the next steps.</source>
        <translation>Parti da un&apos;automazione comune o da una regola vuota; nei passi successivi puoi cambiare tutto.</translation>
    </message>
    <message>
        <source>Blank rule</source>
        <translation>Regola vuota</translation>
    </message>
    <message>
        <source>Everything from scratch: conditions, frequency and template are yours to choose.</source>
        <translation>Tutto da zero: condizioni, frequenza e modello li scegli tu.</translation>
    </message>
</context>
<context>
    <name>RecipientsStep</name>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>Only contacts in (none ticked: everyone):</source>
        <translation>Solo i contatti in (nessuno spuntato: tutti):</translation>
    </message>
    <message>
        <source>Except contacts in:</source>
        <translation>Esclusi i contatti in:</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condizioni</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Destinatari</translation>
    </message>
    <message>
        <source>Who the rule is for: groups, then conditions on fields and behaviour.</source>
        <translation>A chi si rivolge la regola: gruppi, poi condizioni su campi e comportamento.</translation>
    </message>
</context>
<context>
    <name>RuleWizard</name>
    <message>
        <source>Edit automatic send</source>
        <translation>Modifica invio automatico</translation>
    </message>
    <message>
        <source>New automatic send</source>
        <translation>Nuovo invio automatico</translation>
    </message>
    <message>
        <source>Discard the changes?</source>
        <translation>Scartare le modifiche?</translation>
    </message>
    <message>
        <source>“%1” is not saved. Discard what you entered?</source>
        <translation>“%1” non è salvata. Scartare quello che hai inserito?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Scarta</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continua a modificare</translation>
    </message>
</context>
<context>
    <name>RuleWords</name>
    <message>
        <source>% any text, _ one character</source>
        <translation>% qualsiasi testo, _ un carattere</translation>
    </message>
    <message>
        <source>is</source>
        <translation>è</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>non è</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>contiene</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>non contiene</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>inizia con</translation>
    </message>
    <message>
        <source>ends with</source>
        <translation>finisce con</translation>
    </message>
    <message>
        <source>matches the pattern (% and _)</source>
        <translation>corrisponde al modello (% e _)</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>è uno tra</translation>
    </message>
    <message>
        <source>is none of</source>
        <translation>non è nessuno tra</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>è vuoto</translation>
    </message>
    <message>
        <source>is not empty</source>
        <translation>non è vuoto</translation>
    </message>
    <message>
        <source>was never set</source>
        <translation>non è mai stato impostato</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>è minore di</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>è al massimo</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>è maggiore di</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>è almeno</translation>
    </message>
    <message>
        <source>is between</source>
        <translation>è tra</translation>
    </message>
    <message>
        <source>is before</source>
        <translation>è prima del</translation>
    </message>
    <message>
        <source>is after</source>
        <translation>è dopo il</translation>
    </message>
    <message>
        <source>is on</source>
        <translation>è il</translation>
    </message>
    <message>
        <source>is in the last</source>
        <translation>è negli ultimi</translation>
    </message>
    <message>
        <source>is exactly … ago</source>
        <translation>è esattamente … fa</translation>
    </message>
    <message>
        <source>is more than … ago</source>
        <translation>è più di … fa</translation>
    </message>
    <message>
        <source>is in the next</source>
        <translation>è nei prossimi</translation>
    </message>
    <message>
        <source>has its anniversary today</source>
        <translation>ha l&apos;anniversario oggi</translation>
    </message>
    <message>
        <source>is yes</source>
        <translation>è sì</translation>
    </message>
    <message>
        <source>is no</source>
        <translation>è no</translation>
    </message>
    <message>
        <source>is in group</source>
        <translation>è nel gruppo</translation>
    </message>
    <message>
        <source>is not in group</source>
        <translation>non è nel gruppo</translation>
    </message>
    <message>
        <source>joined group … days ago</source>
        <translation>è entrato nel gruppo … giorni fa</translation>
    </message>
    <message>
        <source>Registered … ago</source>
        <translation>Registrato … fa</translation>
    </message>
    <message>
        <source>Opened an e-mail in the last days</source>
        <translation>Ha aperto un&apos;e-mail negli ultimi giorni</translation>
    </message>
    <message>
        <source>Did not open any e-mail in the last days</source>
        <translation>Non ha aperto e-mail negli ultimi giorni</translation>
    </message>
    <message>
        <source>Clicked a link in the last days</source>
        <translation>Ha cliccato un link negli ultimi giorni</translation>
    </message>
    <message>
        <source>Did not click in the last days</source>
        <translation>Non ha cliccato negli ultimi giorni</translation>
    </message>
    <message>
        <source>Was sent a message in the last days</source>
        <translation>Ha ricevuto un messaggio negli ultimi giorni</translation>
    </message>
    <message>
        <source>Was not sent anything in the last days</source>
        <translation>Non ha ricevuto nulla negli ultimi giorni</translation>
    </message>
    <message>
        <source>Address bounced</source>
        <translation>Indirizzo non recapitabile</translation>
    </message>
    <message>
        <source>Last activity … days ago</source>
        <translation>Ultima attività … giorni fa</translation>
    </message>
    <message>
        <source>No activity in the last days</source>
        <translation>Nessuna attività negli ultimi giorni</translation>
    </message>
    <message>
        <source>Bought something in the last days</source>
        <translation>Ha acquistato negli ultimi giorni</translation>
    </message>
    <message>
        <source>No purchase since a date</source>
        <translation>Nessun acquisto da una data</translation>
    </message>
    <message>
        <source>Number of purchases</source>
        <translation>Numero di acquisti</translation>
    </message>
    <message>
        <source>Total spent</source>
        <translation>Totale speso</translation>
    </message>
    <message>
        <source>Made a purchase</source>
        <translation>Ha fatto un acquisto</translation>
    </message>
    <message>
        <source>Abandoned a cart … ago</source>
        <translation>Ha abbandonato un carrello … fa</translation>
    </message>
    <message>
        <source>A field changed</source>
        <translation>Un campo è cambiato</translation>
    </message>
    <message>
        <source>New item in an RSS feed</source>
        <translation>Nuovo elemento in un feed RSS</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>quantità</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>unità</translation>
    </message>
    <message>
        <source>days</source>
        <translation>giorni</translation>
    </message>
    <message>
        <source>only this rule&apos;s messages</source>
        <translation>solo i messaggi di questa regola</translation>
    </message>
    <message>
        <source>link contains</source>
        <translation>il link contiene</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>canale</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>comparison</source>
        <translation>confronto</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valore</translation>
    </message>
    <message>
        <source>field</source>
        <translation>campo</translation>
    </message>
    <message>
        <source>within hours</source>
        <translation>entro ore</translation>
    </message>
    <message>
        <source>from</source>
        <translation>da</translation>
    </message>
    <message>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <source>feed address</source>
        <translation>indirizzo del feed</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>ore</translation>
    </message>
    <message>
        <source>any channel</source>
        <translation>qualsiasi canale</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>e-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Send an e-mail</source>
        <translation>Invia un&apos;e-mail</translation>
    </message>
    <message>
        <source>Send an SMS</source>
        <translation>Invia un SMS</translation>
    </message>
    <message>
        <source>Add to a group</source>
        <translation>Aggiungi a un gruppo</translation>
    </message>
    <message>
        <source>Move from one group to another</source>
        <translation>Sposta da un gruppo a un altro</translation>
    </message>
    <message>
        <source>Remove from a group</source>
        <translation>Togli da un gruppo</translation>
    </message>
    <message>
        <source>Once per contact, ever</source>
        <translation>Una sola volta per contatto</translation>
    </message>
    <message>
        <source>Once per occurrence (each purchase, cart, item…)</source>
        <translation>Una volta per occorrenza (ogni acquisto, carrello, elemento…)</translation>
    </message>
    <message>
        <source>Again after a number of days</source>
        <translation>Di nuovo dopo un certo numero di giorni</translation>
    </message>
    <message>
        <source>Once a year</source>
        <translation>Una volta l&apos;anno</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>Lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>Mer</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>Gio</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>Ven</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>Sab</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>Dom</translation>
    </message>
    <message>
        <source>ALL of these (AND)</source>
        <translation>TUTTE queste (E)</translation>
    </message>
    <message>
        <source>ANY of these (OR)</source>
        <translation>ALMENO UNA di queste (O)</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Condizione di partenza</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Verifica</translation>
    </message>
    <message>
        <source>Next check</source>
        <translation>Prossima verifica</translation>
    </message>
    <message>
        <source>Last check</source>
        <translation>Ultima verifica</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>Attivo</translation>
    </message>
    <message>
        <source>Sent (7 days)</source>
        <translation>Inviati (7 giorni)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Errori</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>alle %1</translation>
    </message>
    <message numerus="yes">
        <source>every %n hour(s)</source>
        <translation>
            <numerusform>ogni ora</numerusform>
            <numerusform>ogni %n ore</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>every %n minute(s)</source>
        <translation>
            <numerusform>ogni minuto</numerusform>
            <numerusform>ogni %n minuti</numerusform>
        </translation>
    </message>
    <message>
        <source>never</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>RulesPage</name>
    <message>
        <source>Automatic sends</source>
        <translation>Invii automatici</translation>
    </message>
    <message>
        <source>Search rules (Ctrl+F)</source>
        <translation>Cerca regole (Ctrl+F)</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>Create a rule (Ctrl+N)</source>
        <translation>Crea una regola (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Modifica</translation>
    </message>
    <message>
        <source>Edit the rule (Enter or double-click)</source>
        <translation>Modifica la regola (Invio o doppio clic)</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplica</translation>
    </message>
    <message>
        <source>Copy the rule, disabled (Ctrl+D)</source>
        <translation>Copia la regola, disattivata (Ctrl+D)</translation>
    </message>
    <message>
        <source>Enable/disable</source>
        <translation>Attiva/disattiva</translation>
    </message>
    <message>
        <source>Switch the rule on or off (Ctrl+E)</source>
        <translation>Attiva o disattiva la regola (Ctrl+E)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the rule (Del)</source>
        <translation>Elimina la regola (Canc)</translation>
    </message>
    <message>
        <source>Simulate</source>
        <translation>Simula</translation>
    </message>
    <message>
        <source>Who would be selected if the rule ran now (Ctrl+R)</source>
        <translation>Chi verrebbe selezionato se la regola partisse ora (Ctrl+R)</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Esegui ora</translation>
    </message>
    <message>
        <source>Check the rule now and send what is due (Ctrl+Shift+R)</source>
        <translation>Verifica subito la regola e invia ciò che è dovuto (Ctrl+Maiusc+R)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Esporta…</translation>
    </message>
    <message>
        <source>Save the rules to a JSON file</source>
        <translation>Salva le regole in un file JSON</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importa…</translation>
    </message>
    <message>
        <source>Add rules from a JSON file (all or nothing)</source>
        <translation>Aggiungi regole da un file JSON (tutto o niente)</translation>
    </message>
    <message>
        <source>No automatic sends yet</source>
        <translation>Ancora nessun invio automatico</translation>
    </message>
    <message>
        <source>Create one with “New”: set it up, simulate it, then enable it.</source>
        <translation>Creane uno con “Nuovo”: configuralo, simulalo, poi attivalo.</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Tutte le etichette</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Disattiva</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Attiva</translation>
    </message>
    <message>
        <source>Enabling this rule causes these problems:</source>
        <translation>Attivare questa regola crea questi problemi:</translation>
    </message>
    <message>
        <source>Enable it anyway?</source>
        <translation>Attivarla comunque?</translation>
    </message>
    <message>
        <source>Enable rule</source>
        <translation>Attiva regola</translation>
    </message>
    <message>
        <source>Delete the automatic send “%1”? Its history of sends is deleted too.</source>
        <translation>Eliminare l&apos;invio automatico “%1”? Viene eliminato anche lo storico dei suoi invii.</translation>
    </message>
    <message>
        <source>Delete rule</source>
        <translation>Elimina regola</translation>
    </message>
    <message>
        <source>Export rules</source>
        <translation>Esporta regole</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>File JSON (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) saved to %1</source>
        <translation>
            <numerusform>%n regola salvata in %1</numerusform>
            <numerusform>%n regole salvate in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import rules</source>
        <translation>Importa regole</translation>
    </message>
    <message>
        <source>Replace rules that have the same name as one in the file? (No: the import stops if a name is already used.)</source>
        <translation>Sostituire le regole che hanno lo stesso nome di una del file? (No: l&apos;importazione si ferma se un nome è già usato.)</translation>
    </message>
    <message numerus="yes">
        <source>%n rule(s) added</source>
        <translation>
            <numerusform>%n regola aggiunta</numerusform>
            <numerusform>%n regole aggiunte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n replaced</source>
        <translation>
            <numerusform>%n sostituita</numerusform>
            <numerusform>%n sostituite</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RunConfirmBox</name>
    <message numerus="yes">
        <source>%n message(s) would go out now (quiet hours and limits apply).</source>
        <translation>
            <numerusform>%n messaggio partirebbe ora (valgono le ore di silenzio e i limiti).</numerusform>
            <numerusform>%n messaggi partirebbero ora (valgono le ore di silenzio e i limiti).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) would change group now.</source>
        <translation>
            <numerusform>%n contatto cambierebbe gruppo ora.</numerusform>
            <numerusform>%n contatti cambierebbero gruppo ora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to do right now.</source>
        <translation>Per ora non c&apos;è nulla da fare.</translation>
    </message>
    <message>
        <source>Run “%1” now?</source>
        <translation>Eseguire ora “%1”?</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Esegui ora</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Import</source>
        <translation>Importa</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Riga</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Colonna</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Import the good rows only</source>
        <translation>Importa solo le righe corrette</translation>
    </message>
    <message>
        <source>Import every row without problems and leave the bad rows out</source>
        <translation>Importa ogni riga senza problemi e lascia fuori quelle errate</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importazione…</translation>
    </message>
    <message>
        <source>Importing… %1 rows read</source>
        <translation>Importazione… %1 righe lette</translation>
    </message>
    <message>
        <source>The file was not imported: %1</source>
        <translation>Il file non è stato importato: %1</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was written.</source>
        <translation>Importazione annullata: non è stato scritto nulla.</translation>
    </message>
    <message>
        <source>Rows read: %1 · new: %2 · updated: %3 · unchanged: %4 · duplicates merged: %5 · bad: %6</source>
        <translation>Righe lette: %1 · nuovi: %2 · aggiornati: %3 · invariati: %4 · doppioni uniti: %5 · errate: %6</translation>
    </message>
    <message>
        <source>Nothing was imported: %1 new contacts have no consent in the file. Go back and say what they agreed to.</source>
        <translation>Non è stato importato nulla: %1 nuovi contatti non hanno il consenso nel file. Torna indietro e indica cosa hanno accettato.</translation>
    </message>
    <message>
        <source>Imported; the bad rows below were left out.</source>
        <translation>Importato; le righe errate qui sotto sono state lasciate fuori.</translation>
    </message>
    <message>
        <source>Imported.</source>
        <translation>Importato.</translation>
    </message>
    <message>
        <source>Nothing was imported because of the bad rows below. Correct the file and import it again, or import the good rows only.</source>
        <translation>Non è stato importato nulla a causa delle righe errate qui sotto. Correggi il file e importalo di nuovo, oppure importa solo le righe corrette.</translation>
    </message>
    <message>
        <source>New custom fields: %1</source>
        <translation>Nuovi campi personalizzati: %1</translation>
    </message>
    <message>
        <source>The first %1 problems are listed.</source>
        <translation>Sono elencati i primi %1 problemi.</translation>
    </message>
</context>
<context>
    <name>RunReport</name>
    <message>
        <source>“%1” is disabled: enable it first, or use Simulate to see who it would select.</source>
        <translation>“%1” è disattivata: attivala prima, oppure usa Simula per vedere chi selezionerebbe.</translation>
    </message>
    <message>
        <source>Postino is paused: “%1” was not checked. Resume sending first.</source>
        <translation>Postino è in pausa: “%1” non è stata controllata. Riprendi prima gli invii.</translation>
    </message>
    <message>
        <source>The check of “%1” failed: %2</source>
        <translation>La verifica di “%1” non è riuscita: %2</translation>
    </message>
    <message>
        <source>“%1” checked now: %2 matched, %3 booked, %4 group changes; %5 sent, %6 failed.</source>
        <translation>“%1” verificata ora: %2 corrispondenti, %3 pianificati, %4 cambi di gruppo; %5 inviati, %6 non riusciti.</translation>
    </message>
    <message>
        <source>Postino&apos;s engine is not answering: is it running? (see the status bar). Nothing was sent.</source>
        <translation>Il motore di Postino non risponde: è in funzione? (vedi la barra di stato). Non è stato inviato nulla.</translation>
    </message>
    <message>
        <source>Run now</source>
        <translation>Esegui ora</translation>
    </message>
</context>
<context>
    <name>SavedMappingsBar</name>
    <message>
        <source>Use saved columns:</source>
        <translation>Usa colonne salvate:</translation>
    </message>
    <message>
        <source>Save these columns as:</source>
        <translation>Salva queste colonne come:</translation>
    </message>
    <message>
        <source>a name, to reuse next time (optional)</source>
        <translation>un nome, per riusarle la prossima volta (facoltativo)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
</context>
<context>
    <name>SecretPage</name>
    <message>
        <source>Type where the test should go.</source>
        <translation>Scrivi dove inviare la prova.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Invio in corso…</translation>
    </message>
    <message>
        <source>Sent. The provider&apos;s reference: %1</source>
        <translation>Inviato. Riferimento del fornitore: %1</translation>
    </message>
    <message>
        <source>Not sent: %1</source>
        <translation>Non inviato: %1</translation>
    </message>
    <message>
        <source>Keyring not available: the secret cannot be stored on this computer.</source>
        <translation>Portachiavi non disponibile: su questo computer il segreto non può essere salvato.</translation>
    </message>
    <message>
        <source>Stored in the system keyring. Type a new one to replace it.</source>
        <translation>Salvato nel portachiavi di sistema. Scrivine uno nuovo per sostituirlo.</translation>
    </message>
    <message>
        <source>Not stored yet.</source>
        <translation>Non ancora salvato.</translation>
    </message>
    <message>
        <source>Leave empty to keep the stored one</source>
        <translation>Lascia vuoto per tenere quello salvato</translation>
    </message>
    <message>
        <source>Kept in the operating system&apos;s keyring, never in Postino&apos;s files</source>
        <translation>Conservato nel portachiavi del sistema operativo, mai nei file di Postino</translation>
    </message>
    <message>
        <source>Send a test</source>
        <translation>Invia una prova</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Invia prova</translation>
    </message>
    <message>
        <source>Uses the values on this page as they are now, saved or not</source>
        <translation>Usa i valori di questa pagina così come sono ora, salvati o no</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <source>correct the fields marked in red first.</source>
        <translation>correggi prima i campi segnati in rosso.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Impostazioni</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salva</translation>
    </message>
    <message>
        <source>Save the settings of every page (Ctrl+S)</source>
        <translation>Salva le impostazioni di tutte le pagine (Ctrl+S)</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Non è stato salvato nulla: correggi i campi segnati in rosso.</translation>
    </message>
    <message>
        <source>Settings saved, but a secret could not be stored (see the red note).</source>
        <translation>Impostazioni salvate, ma un segreto non è stato salvato (vedi la nota in rosso).</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Impostazioni salvate.</translation>
    </message>
    <message>
        <source>Nothing was saved: %1</source>
        <translation>Non è stato salvato nulla: %1</translation>
    </message>
</context>
<context>
    <name>SimulateDialog</name>
    <message>
        <source>Simulate “%1”</source>
        <translation>Simula “%1”</translation>
    </message>
    <message>
        <source>If the rule ran now: %1 would be selected, %2 discarded as already sent, %3 left out (no consent).</source>
        <translation>Se la regola partisse ora: %1 verrebbero selezionati, %2 scartati perché già inviati, %3 esclusi (senza consenso).</translation>
    </message>
    <message>
        <source>Export the list as CSV…</source>
        <translation>Esporta l&apos;elenco in CSV…</translation>
    </message>
    <message>
        <source>Export the list</source>
        <translation>Esporta l&apos;elenco</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>SimulationPage</name>
    <message>
        <source>Simulation</source>
        <translation>Simulazione</translation>
    </message>
    <message>
        <source>Rules to simulate (disabled rules run as if enabled):</source>
        <translation>Regole da simulare (quelle disattivate girano come se fossero attive):</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Inizio:</translation>
    </message>
    <message>
        <source>Days:</source>
        <translation>Giorni:</translation>
    </message>
    <message>
        <source> days</source>
        <translation> giorni</translation>
    </message>
    <message>
        <source>How far ahead to look (1 to 90 days)</source>
        <translation>Quanto avanti guardare (da 1 a 90 giorni)</translation>
    </message>
    <message>
        <source>Run simulation</source>
        <translation>Avvia la simulazione</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
    <message>
        <source>Zoom (hours ↔ days):</source>
        <translation>Zoom (ore ↔ giorni):</translation>
    </message>
    <message>
        <source>Or use the mouse wheel on the timeline; Shift+wheel or drag to move</source>
        <translation>Oppure usa la rotella sulla linea del tempo; Maiusc+rotella o trascina per spostarti</translation>
    </message>
    <message>
        <source>Whole period</source>
        <translation>Tutto il periodo</translation>
    </message>
    <message>
        <source>Shaded: quiet hours (in the rule&apos;s zone; the business zone for rules that follow each recipient&apos;s zone). Grey ticks: checks. Dots: sends; a number is several sends close together — click to list them.</source>
        <translation>In ombra: le ore di silenzio (nel fuso della regola; il fuso dell&apos;attività per le regole che seguono il fuso di ciascun destinatario). Tacche grigie: controlli. Punti: invii; un numero indica più invii vicini — fai clic per elencarli.</translation>
    </message>
    <message>
        <source>Choose rules and a period, then “Run simulation”. Nothing is sent.</source>
        <translation>Scegli le regole e un periodo, poi “Avvia la simulazione”. Non viene inviato nulla.</translation>
    </message>
    <message>
        <source>Filter by recipient, rule, message or reason</source>
        <translation>Filtra per destinatario, regola, messaggio o motivo</translation>
    </message>
    <message>
        <source>Sent and not sent</source>
        <translation>Inviati e non inviati</translation>
    </message>
    <message>
        <source>Only sends</source>
        <translation>Solo gli invii</translation>
    </message>
    <message>
        <source>Only not sent</source>
        <translation>Solo i non inviati</translation>
    </message>
    <message>
        <source>Show all rows</source>
        <translation>Mostra tutte le righe</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Esporta CSV…</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Ora locale</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Fuso</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regola</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinatario</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Canale</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Messaggio</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Esito</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviato</translation>
    </message>
    <message>
        <source>Group change</source>
        <translation>Cambio di gruppo</translation>
    </message>
    <message>
        <source>Already sent</source>
        <translation>Già inviato</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Senza consenso</translation>
    </message>
    <message>
        <source>No address</source>
        <translation>Senza indirizzo</translation>
    </message>
    <message>
        <source>Not allowed by the schedule</source>
        <translation>Non consentito dalla pianificazione</translation>
    </message>
    <message>
        <source>Frequency cap</source>
        <translation>Limite di frequenza</translation>
    </message>
    <message>
        <source>Template error</source>
        <translation>Errore nel modello</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Non riuscito</translation>
    </message>
    <message>
        <source>After the period</source>
        <translation>Dopo il periodo</translation>
    </message>
    <message>
        <source>Rule error</source>
        <translation>Errore nella regola</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Saltato</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Scartato</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incerto</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppo</translation>
    </message>
    <message>
        <source>Simulating…</source>
        <translation>Simulazione in corso…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annullamento…</translation>
    </message>
    <message>
        <source>Simulation cancelled; nothing was changed.</source>
        <translation>Simulazione annullata; non è stato cambiato nulla.</translation>
    </message>
    <message>
        <source>No rules yet: create one in “Automatic sends”.</source>
        <translation>Ancora nessuna regola: creane una in “Invii automatici”.</translation>
    </message>
    <message>
        <source>%1 sends, %2 group changes, %3 not sent · %4 checks · computed in %5 s</source>
        <translation>%1 invii, %2 cambi di gruppo, %3 non inviati · %4 controlli · calcolato in %5 s</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Tutte le regole</translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) of the chosen marker</source>
        <translation>
            <numerusform>%n destinatario del segno scelto</numerusform>
            <numerusform>%n destinatari del segno scelto</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the simulation</source>
        <translation>Esporta la simulazione</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved %1 (%2 bytes)</source>
        <translation>Salvato %1 (%2 byte)</translation>
    </message>
</context>
<context>
    <name>SmsCounter</name>
    <message>
        <source>%1 characters · %2 · %3 SMS (%4 per SMS)</source>
        <translation>%1 caratteri · %2 · %3 SMS (%4 per SMS)</translation>
    </message>
    <message>
        <source>Cost: 1 segment per recipient</source>
        <translation>Costo: 1 segmento per destinatario</translation>
    </message>
    <message>
        <source>Cost: %1 segments per recipient</source>
        <translation>Costo: %1 segmenti per destinatario</translation>
    </message>
    <message>
        <source>%1 is not in the GSM-7 alphabet: the whole message is sent as UCS-2, 70 characters per SMS instead of 160 (67 instead of 153 when split).</source>
        <translation>%1 non è nell&apos;alfabeto GSM-7: tutto il messaggio viene inviato in UCS-2, 70 caratteri per SMS invece di 160 (67 invece di 153 quando è diviso).</translation>
    </message>
    <message>
        <source>%1 counts as two characters in GSM-7.</source>
        <translation>%1 conta come due caratteri in GSM-7.</translation>
    </message>
</context>
<context>
    <name>SmtpPage</name>
    <message>
        <source>E-mail (SMTP)</source>
        <translation>E-mail (SMTP)</translation>
    </message>
    <message>
        <source>The mail server Postino sends e-mails through, and who they come from.</source>
        <translation>Il server di posta con cui Postino invia le e-mail, e da chi arrivano.</translation>
    </message>
    <message>
        <source>SMTP password</source>
        <translation>Password SMTP</translation>
    </message>
    <message>
        <source>Your e-mail address</source>
        <translation>Il tuo indirizzo e-mail</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <source>Statistics</source>
        <translation>Statistiche</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Periodo:</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Regola:</translation>
    </message>
    <message>
        <source>All rules</source>
        <translation>Tutte le regole</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aggiorna</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Ultimi 7 giorni</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Ultimi 30 giorni</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Ultimi 90 giorni</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Questo mese</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Intervallo personalizzato</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Inviati</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Consegnati</translation>
    </message>
    <message>
        <source>Open rate</source>
        <translation>Tasso di apertura</translation>
    </message>
    <message>
        <source>Click rate</source>
        <translation>Tasso di clic</translation>
    </message>
    <message>
        <source>Unsubscribes</source>
        <translation>Disiscrizioni</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Ricavi</translation>
    </message>
    <message>
        <source>E-mails sent that did not bounce, plus SMS the carrier confirmed</source>
        <translation>E-mail inviate e non respinte, più gli SMS confermati dall&apos;operatore</translation>
    </message>
    <message>
        <source>Messages opened at least once, out of the e-mails delivered</source>
        <translation>Messaggi aperti almeno una volta, sul totale delle e-mail consegnate</translation>
    </message>
    <message>
        <source>Messages clicked at least once, out of the e-mails delivered</source>
        <translation>Messaggi cliccati almeno una volta, sul totale delle e-mail consegnate</translation>
    </message>
    <message>
        <source>Purchases made within the attribution window after a send</source>
        <translation>Acquisti fatti entro la finestra di attribuzione dopo un invio</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Aperti</translation>
    </message>
    <message>
        <source>Clicked</source>
        <translation>Cliccati</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regola</translation>
    </message>
    <message>
        <source>Opened (unique)</source>
        <translation>Aperti (unici)</translation>
    </message>
    <message>
        <source>Opened (total)</source>
        <translation>Aperture (totali)</translation>
    </message>
    <message>
        <source>Machine opens</source>
        <translation>Aperture automatiche</translation>
    </message>
    <message>
        <source>Clicked (unique)</source>
        <translation>Cliccati (unici)</translation>
    </message>
    <message>
        <source>Clicked (total)</source>
        <translation>Clic (totali)</translation>
    </message>
    <message>
        <source>Machine clicks</source>
        <translation>Clic automatici</translation>
    </message>
    <message>
        <source>CTOR</source>
        <translation>CTOR</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Respinti</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Disiscritti</translation>
    </message>
    <message>
        <source>Deferred by caps</source>
        <translation>Rinviati per limiti</translation>
    </message>
    <message>
        <source>Dropped by caps</source>
        <translation>Scartati per limiti</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incerti</translation>
    </message>
    <message>
        <source>Click-to-open rate: unique clicks out of unique opens</source>
        <translation>CTOR (tasso di clic sulle aperture): di chi ha aperto l&apos;e-mail, quanti hanno anche cliccato un link (clic unici ÷ aperture uniche)</translation>
    </message>
    <message>
        <source>Images fetched by machines (Apple Mail Privacy Protection, scanners): not counted as opens</source>
        <translation>Immagini scaricate da sistemi automatici (Apple Mail Privacy Protection, antivirus): non contano come aperture</translation>
    </message>
    <message>
        <source>Links followed by security scanners as the message arrived: not counted as clicks</source>
        <translation>Link aperti dai filtri di sicurezza all&apos;arrivo del messaggio: non contano come clic</translation>
    </message>
    <message>
        <source>Messages whose fate a crash left unknown (see Activity)</source>
        <translation>Messaggi il cui esito è ignoto dopo un arresto anomalo (vedi Attività)</translation>
    </message>
    <message>
        <source>(no rule)</source>
        <translation>(nessuna regola)</translation>
    </message>
    <message>
        <source>(deleted rule #%1)</source>
        <translation>(regola eliminata n. %1)</translation>
    </message>
    <message>
        <source>Contacts whose groups this rule changed; it sends nothing</source>
        <translation>Contatti a cui questa regola ha cambiato i gruppi; non invia nulla</translation>
    </message>
    <message>
        <source>contacts: %1</source>
        <translation>contatti: %1</translation>
    </message>
    <message>
        <source>No sends in this period yet — simulate a rule, then enable it</source>
        <translation>Ancora nessun invio in questo periodo — simula una regola, poi attivala</translation>
    </message>
    <message>
        <source>Sends, opens, clicks and purchases will show here as they happen.</source>
        <translation>Invii, aperture, clic e acquisti compariranno qui man mano che avvengono.</translation>
    </message>
    <message>
        <source>Days are counted in the business time zone (%1).</source>
        <translation>I giorni sono contati nel fuso orario dell&apos;attività (%1).</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Il periodo finisce prima di iniziare.</translation>
    </message>
    <message>
        <source>Without a send (imported history, in no rate): %1 opens, %2 clicks, %3 bounces, %4 unsubscribes</source>
        <translation>Senza un invio (storico importato, in nessuna percentuale): %1 aperture, %2 clic, %3 rimbalzi, %4 disiscrizioni</translation>
    </message>
    <message>
        <source>Opens and clicks that no message sent by Postino explains, e.g. from another e-mail tool&apos;s history. They are counted here only, so they cannot push a rate over 100 %.</source>
        <translation>Aperture e clic che nessun messaggio inviato da Postino spiega, per esempio dallo storico di un altro programma di e-mail. Sono contati solo qui, così non possono portare una percentuale oltre il 100 %.</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>engine running</source>
        <translation>motore attivo</translation>
    </message>
    <message>
        <source>engine running in another Postino window or service</source>
        <translation>motore attivo in un&apos;altra finestra o servizio di Postino</translation>
    </message>
    <message>
        <source>sandbox on (messages go to the outbox folder)</source>
        <translation>sandbox attiva (i messaggi vanno nella cartella outbox)</translation>
    </message>
    <message>
        <source>e-mail and SMS not configured yet — messages are kept in the outbox folder</source>
        <translation>e-mail e SMS non ancora configurati — i messaggi restano nella cartella posta in uscita</translation>
    </message>
    <message>
        <source>e-mail not configured yet — messages are kept in the outbox folder</source>
        <translation>e-mail non ancora configurata — i messaggi restano nella cartella posta in uscita</translation>
    </message>
    <message>
        <source>SMS not configured yet — messages are kept in the outbox folder</source>
        <translation>SMS non ancora configurati — i messaggi restano nella cartella posta in uscita</translation>
    </message>
    <message>
        <source>e-mail sends paused (see the note)</source>
        <translation>invii e-mail in pausa (vedi la nota)</translation>
    </message>
    <message>
        <source>SMS sends paused (see the note)</source>
        <translation>invii SMS in pausa (vedi la nota)</translation>
    </message>
    <message>
        <source>Sandbox: a test mode. Messages are written as files in the outbox folder of the workspace instead of being sent; turn it off in Settings › General.</source>
        <translation>Sandbox: una modalità di prova. I messaggi vengono scritti come file nella cartella outbox (posta in uscita) dell&apos;area di lavoro invece di essere inviati; si spegne in Impostazioni › Generale.</translation>
    </message>
    <message>
        <source>Workspace: %1 — reading…</source>
        <translation>Area di lavoro: %1 — lettura…</translation>
    </message>
    <message>
        <source>Workspace: %1</source>
        <translation>Area di lavoro: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contatto</numerusform>
            <numerusform>%n contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>PAUSED: nothing is checked or sent</source>
        <translation>IN PAUSA: nessun controllo e nessun invio</translation>
    </message>
    <message>
        <source>last check %1</source>
        <translation>ultimo controllo %1</translation>
    </message>
    <message>
        <source>no rule checked yet</source>
        <translation>nessuna regola ancora controllata</translation>
    </message>
    <message numerus="yes">
        <source>%n check error(s) in 24 h</source>
        <translation>
            <numerusform>%n errore di controllo in 24 h</numerusform>
            <numerusform>%n errori di controllo in 24 h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n uncertain send(s) — see Activity</source>
        <translation>
            <numerusform>%n invio incerto — vedi Attività</numerusform>
            <numerusform>%n invii incerti — vedi Attività</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Step %1 of %2: %3</source>
        <translation>Passo %1 di %2: %3</translation>
    </message>
</context>
<context>
    <name>SummaryStep</name>
    <message>
        <source>Go to the step</source>
        <translation>Vai al passaggio</translation>
    </message>
    <message>
        <source>&amp;Enable the rule when saving</source>
        <translation>&amp;Attiva la regola al salvataggio</translation>
    </message>
    <message>
        <source>I &amp;understand the warnings above and want to enable it anyway</source>
        <translation>Ho &amp;capito gli avvisi qui sopra e voglio attivarla comunque</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Riepilogo</translation>
    </message>
    <message>
        <source>Check the rule in words, then save it. Ctrl+S saves.</source>
        <translation>Controlla la regola a parole, poi salvala. Ctrl+S salva.</translation>
    </message>
    <message>
        <source>Checking the rule…</source>
        <translation>Controllo della regola…</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>tutti</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>nessuno</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Etichette</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Azione</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppi</translation>
    </message>
    <message>
        <source>%1; except %2</source>
        <translation>%1; esclusi %2</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>Condizioni</translation>
    </message>
    <message>
        <source>Matches now</source>
        <translation>Corrispondono ora</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>Frequenza</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Invia di nuovo</translation>
    </message>
    <message numerus="yes">
        <source>(every %n day(s))</source>
        <translation>
            <numerusform>(ogni %n giorno)</numerusform>
            <numerusform>(ogni %n giorni)</numerusform>
        </translation>
    </message>
    <message>
        <source>New template</source>
        <translation>Nuovo modello</translation>
    </message>
    <message>
        <source>“%1” is created when you save: change its text under Templates</source>
        <translation>“%1” viene creato al salvataggio: cambiane il testo in Modelli</translation>
    </message>
    <message>
        <source>checking…</source>
        <translation>verifica in corso…</translation>
    </message>
    <message>
        <source>counting…</source>
        <translation>conteggio in corso…</translation>
    </message>
    <message>
        <source>cannot count yet: %1</source>
        <translation>non si può ancora contare: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contatto</numerusform>
            <numerusform>%n contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 already sent)</source>
        <translation>(%1 già inviati)</translation>
    </message>
    <message>
        <source>The rule is ready to save.</source>
        <translation>La regola è pronta per il salvataggio.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Before enabling:</source>
        <translation>Prima di attivare:</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <source>New SMS template</source>
        <translation>Nuovo modello SMS</translation>
    </message>
    <message>
        <source>New e-mail template</source>
        <translation>Nuovo modello e-mail</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>Oggetto:</translation>
    </message>
    <message>
        <source>HTML:</source>
        <translation>HTML:</translation>
    </message>
    <message>
        <source>Text (optional):</source>
        <translation>Testo (facoltativo):</translation>
    </message>
    <message>
        <source>SMS text:</source>
        <translation>Testo SMS:</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Inserisci campo</translation>
    </message>
    <message>
        <source>Insert a contact or event field at the cursor</source>
        <translation>Inserisci un campo del contatto o dell&apos;evento nel punto del cursore</translation>
    </message>
    <message>
        <source>Save template</source>
        <translation>Salva il modello</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Salva (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fields: {{ first_name }}; with a fallback: {{ first_name or &quot;cliente&quot; }}. Conditions: {% if event.amount %}…{% endif %}. Without a text part, one is made from the HTML.</source>
        <translation>Campi: {{ first_name }}; con un valore di riserva: {{ first_name or &quot;cliente&quot; }}. Condizioni: {% if event.amount %}…{% endif %}. Senza parte di testo, viene ricavata dall&apos;HTML.</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Ciao {{ first_name or &quot;cliente&quot; }}!&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Ciao {{ first_name or &quot;cliente&quot; }}!&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Contact fields</source>
        <translation>Campi del contatto</translation>
    </message>
    <message>
        <source>Event fields</source>
        <translation>Campi dell&apos;evento</translation>
    </message>
    <message>
        <source>Unsubscribe link</source>
        <translation>Link di disiscrizione</translation>
    </message>
</context>
<context>
    <name>TemplatesPage</name>
    <message>
        <source>Templates</source>
        <translation>Modelli</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuovo</translation>
    </message>
    <message>
        <source>New e-mail template (Ctrl+N); the arrow offers an SMS template</source>
        <translation>Nuovo modello e-mail (Ctrl+N); la freccia offre un modello SMS</translation>
    </message>
    <message>
        <source>New e-mail template</source>
        <translation>Nuovo modello e-mail</translation>
    </message>
    <message>
        <source>New SMS template</source>
        <translation>Nuovo modello SMS</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplica</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Elimina</translation>
    </message>
    <message>
        <source>Delete the template (not possible while a rule uses it)</source>
        <translation>Elimina il modello (non si può finché una regola lo usa)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>Subject / first line</source>
        <translation>Oggetto / prima riga</translation>
    </message>
    <message>
        <source>Last change</source>
        <translation>Ultima modifica</translation>
    </message>
    <message>
        <source>No template selected</source>
        <translation>Nessun modello selezionato</translation>
    </message>
    <message>
        <source>Choose a template on the left, or create one with “New”.</source>
        <translation>Scegli un modello a sinistra, o creane uno con “Nuovo”.</translation>
    </message>
    <message>
        <source>Used by: %1</source>
        <translation>Usato da: %1</translation>
    </message>
    <message>
        <source>Not used by any rule</source>
        <translation>Non usato da nessuna regola</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifiche non salvate</translation>
    </message>
    <message>
        <source>The template you were editing has unsaved changes.</source>
        <translation>Il modello che stavi modificando ha modifiche non salvate.</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Elimina modello</translation>
    </message>
    <message>
        <source>“%1” cannot be deleted: the rules %2 use it. Choose another template in those rules first.</source>
        <translation>“%1” non si può eliminare: lo usano le regole %2. Scegli prima un altro modello in quelle regole.</translation>
    </message>
    <message>
        <source>Delete the template “%1”? This cannot be undone.</source>
        <translation>Eliminare il modello “%1”? Non si può annullare.</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <source>%n send(s)</source>
        <translation>
            <numerusform>%n invio</numerusform>
            <numerusform>%n invii</numerusform>
        </translation>
    </message>
    <message>
        <source>… and %1 more (click to list them)</source>
        <translation>… e altri %1 (fai clic per elencarli)</translation>
    </message>
</context>
<context>
    <name>TwilioPage</name>
    <message>
        <source>SMS (Twilio)</source>
        <translation>SMS (Twilio)</translation>
    </message>
    <message>
        <source>Your Twilio account, used to send SMS.</source>
        <translation>Il tuo account Twilio, usato per inviare gli SMS.</translation>
    </message>
    <message>
        <source>Twilio auth token</source>
        <translation>Auth token di Twilio</translation>
    </message>
    <message>
        <source>Your mobile number, e.g. +39 333 1234567</source>
        <translation>Il tuo cellulare, es. +39 333 1234567</translation>
    </message>
</context>
<context>
    <name>_ListEditor</name>
    <message>
        <source>Add</source>
        <translation>Aggiungi</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Rimuovi</translation>
    </message>
</context>
<context>
    <name>fields</name>
    <message>
        <source>name@example.com</source>
        <translation>nome@esempio.it</translation>
    </message>
    <message>
        <source>+39 333 123 4567</source>
        <translation>+39 333 123 4567</translation>
    </message>
    <message>
        <source>it, en…</source>
        <translation>it, en…</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(nessuno)</translation>
    </message>
    <message>
        <source>Checked: yes · empty: no · filled square: not known</source>
        <translation>Spuntato: sì · vuoto: no · quadrato pieno: non si sa</translation>
    </message>
    <message>
        <source>“%1” is not a date: type it like %2 or pick it on the calendar</source>
        <translation>«%1» non è una data: scrivila come %2 o sceglila sul calendario</translation>
    </message>
    <message>
        <source>e.g. %1</source>
        <translation>es. %1</translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation>Scegli la data sul calendario</translation>
    </message>
</context>
<context>
    <name>ops</name>
    <message>
        <source>Something went wrong: %1</source>
        <translation>Qualcosa è andato storto: %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annulla</translation>
    </message>
</context>
<context>
    <name>placeholders</name>
    <message>
        <source>title</source>
        <translation>titolo</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>importo</translation>
    </message>
    <message>
        <source>order or cart number</source>
        <translation>numero d&apos;ordine o di carrello</translation>
    </message>
    <message>
        <source>items</source>
        <translation>articoli</translation>
    </message>
    <message>
        <source>date</source>
        <translation>data</translation>
    </message>
    <message>
        <source>shop name</source>
        <translation>nome del negozio</translation>
    </message>
    <message>
        <source>unsubscribe link</source>
        <translation>link di disiscrizione</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Day/month/year (31/12/2026)</source>
        <translation>Giorno/mese/anno (31/12/2026)</translation>
    </message>
    <message>
        <source>Month/day/year (12/31/2026)</source>
        <translation>Mese/giorno/anno (12/31/2026)</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS (porta 465)</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS (porta 587)</translation>
    </message>
    <message>
        <source>None (not encrypted)</source>
        <translation>Nessuna (non cifrata)</translation>
    </message>
    <message>
        <source>Sandbox is a test mode: nothing reaches your customers. Each message is written as a file in the outbox folder of the workspace, so you can open it and check it. Turn it off to send for real.</source>
        <translation>La sandbox è una modalità di prova: ai clienti non arriva nulla. Ogni messaggio viene scritto come file nella cartella outbox (posta in uscita) dell&apos;area di lavoro, così puoi aprirlo e controllarlo. Spegnila per inviare davvero.</translation>
    </message>
    <message>
        <source>Where your business is, written Continent/City (e.g. Europe/Rome): quiet hours and “at 09:00” times follow its clock, summer time included. Type a city to find it.</source>
        <translation>Dove si trova la tua attività, nella forma Continente/Città (es. Europe/Rome): le ore di silenzio e gli orari come “alle 09:00” seguono il suo orologio, ora legale compresa. Scrivi una città per trovarla.</translation>
    </message>
    <message>
        <source>Hours when no message is sent, as start-end bands in 24-hour time, separated by commas (e.g. 21:00-09:00). A message due then waits for the end of the band.</source>
        <translation>Le ore in cui non parte nessun messaggio, come fasce inizio-fine nel formato 24 ore, separate da virgole (es. 21:00-09:00). Un messaggio previsto in quelle ore aspetta la fine della fascia.</translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>Subscribed</source>
        <translation>Iscritto</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>In attesa</translation>
    </message>
    <message>
        <source>Unsubscribed</source>
        <translation>Disiscritto</translation>
    </message>
    <message>
        <source>Bounced</source>
        <translation>Rimbalzato</translation>
    </message>
</context>
<context>
    <name>values</name>
    <message>
        <source>Yes</source>
        <translation>Sì</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>
