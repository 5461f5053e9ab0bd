<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="it" sourcelanguage="en">
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
        <source>A contact needs an e-mail address or a mobile number</source>
        <translation>Un contatto deve avere un indirizzo e-mail o un numero di cellulare</translation>
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
        <source>No groups yet</source>
        <translation>Ancora nessun gruppo</translation>
    </message>
    <message>
        <source>Groups collect contacts for rules: create one with “New group”.</source>
        <translation>I gruppi raccolgono i contatti per le regole: creane uno con “Nuovo gruppo”.</translation>
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
        <source>Delete the group “%1”? Its contacts are kept; rules that use it will need another group.</source>
        <translation>Eliminare il gruppo “%1”? I suoi contatti restano; le regole che lo usano avranno bisogno di un altro gruppo.</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Elimina gruppo</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation>Importa contatti</translation>
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
        <source>Workspace: %1 — reading…</source>
        <translation>Area di lavoro: %1 — lettura…</translation>
    </message>
    <message>
        <source>sandbox on (messages go to the outbox folder)</source>
        <translation>sandbox attiva (i messaggi vanno nella cartella outbox)</translation>
    </message>
    <message>
        <source>sandbox off</source>
        <translation>sandbox disattivata</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>%n contatto</numerusform>
            <numerusform>%n contatti</numerusform>
        </translation>
    </message>
    <message>
        <source>Workspace: %1 · %2 · %3</source>
        <translation>Area di lavoro: %1 · %2 · %3</translation>
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
    <name>SecretPage</name>
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
</context>
<context>
    <name>SettingsView</name>
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
        <source>Set the earliest date to leave the field empty</source>
        <translation>Imposta la data più vecchia per lasciare il campo vuoto</translation>
    </message>
    <message>
        <source>Checked: yes · empty: no · filled square: not known</source>
        <translation>Spuntato: sì · vuoto: no · quadrato pieno: non si sa</translation>
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
