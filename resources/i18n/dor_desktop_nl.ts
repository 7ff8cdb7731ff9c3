<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>for a new account or a new PIN</source>
        <translation>voor een nieuw account of een nieuwe pincode</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Toevoegen</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rol wijzigen</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Nieuwe pincode</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Uitschakelen</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>medewerker</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>bedrijfsleider</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>eigenaar</translation>
    </message>
    <message>
        <source>active</source>
        <translation>actief</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>uitgeschakeld</translation>
    </message>
    <message>
        <source>Account added.</source>
        <translation>Account toegevoegd.</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Rol gewijzigd.</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>Pincode gewijzigd.</translation>
    </message>
    <message>
        <source>Account deactivated.</source>
        <translation>Account uitgeschakeld.</translation>
    </message>
</context>
<context>
    <name>AlertBadge</name>
    <message>
        <source>Open the notices (Ctrl+Shift+H)</source>
        <translation>Meldingen openen (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Notices: %1</source>
        <translation>Meldingen: %1</translation>
    </message>
    <message>
        <source>Goods on hold: %1</source>
        <translation>Goederen apart: %1</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <source>Notices from the DOR</source>
        <translation>Meldingen van het DOR</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Markeren als gelezen</translation>
    </message>
    <message>
        <source>Released by the police...</source>
        <translation>Vrijgegeven door de politie...</translation>
    </message>
    <message>
        <source>Released by the police</source>
        <translation>Vrijgegeven door de politie</translation>
    </message>
    <message>
        <source>Who released the goods, and how (e.g. police report number)?</source>
        <translation>Wie heeft de goederen vrijgegeven, en hoe (bijv. nummer proces-verbaal)?</translation>
    </message>
    <message>
        <source>Show entry</source>
        <translation>Registratie tonen</translation>
    </message>
    <message>
        <source>No open notices.</source>
        <translation>Geen openstaande meldingen.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Registratie</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Overeenkomst</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Gemeld door</translation>
    </message>
    <message>
        <source>Reported stolen on</source>
        <translation>Als gestolen gemeld op</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <source>(after the purchase)</source>
        <translation>(na de inkoop)</translation>
    </message>
    <message>
        <source>Keep the item apart. Do not sell, alter or return it.</source>
        <translation>Leg het artikel apart. Niet verkopen, bewerken of teruggeven.</translation>
    </message>
    <message>
        <source>Do not confront the seller; there is no need to say anything now.</source>
        <translation>Spreek de verkoper er niet op aan; u hoeft nu niets te zeggen.</translation>
    </message>
    <message>
        <source>The police will contact the shop about this item.</source>
        <translation>De politie neemt contact op met de winkel over dit artikel.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>Wat te doen</translation>
    </message>
    <message>
        <source>From the DOR:</source>
        <translation>Van het DOR:</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Auditlog</translation>
    </message>
    <message>
        <source>register number or seller&apos;s name (optional)</source>
        <translation>registernummer of naam van de verkoper (optioneel)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tonen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Tot en met</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Betreft</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 regels</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a picture of the ID document</source>
        <extracomment>A file whose size did not change over this interval is taken as completely written.</extracomment>
        <translation>Foto maken van het identiteitsbewijs</translation>
    </message>
    <message>
        <source>Hold the side with the lines of &lt;&lt;&lt; characters flat and sharp in view.</source>
        <translation>Houd de kant met de regels &lt;&lt;&lt;-tekens vlak en scherp in beeld.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Take picture (Space)</source>
        <translation>Foto maken (spatie)</translation>
    </message>
</context>
<context>
    <name>EntryDetailPanel</name>
    <message>
        <source>Correct (Ctrl+E)</source>
        <translation>Corrigeren (Ctrl+E)</translation>
    </message>
    <message>
        <source>Void... (Ctrl+Shift+V)</source>
        <translation>Vervallen verklaren... (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Record sale... (Ctrl+Shift+S)</source>
        <translation>Verkoop vastleggen... (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Receipt as PDF...</source>
        <translation>Bon als pdf...</translation>
    </message>
    <message>
        <source>Choose an entry to see its detail.</source>
        <translation>Kies een registratie om de details te zien.</translation>
    </message>
    <message>
        <source>No sale, no changes: the goods are on police hold.</source>
        <translation>Geen verkoop en geen wijzigingen: de goederen blijven apart voor de politie.</translation>
    </message>
    <message>
        <source>No sale before %1: the hold period runs.</source>
        <translation>Geen verkoop vóór %1: de bewaartermijn loopt.</translation>
    </message>
    <message>
        <source>Every item of this entry has been sold.</source>
        <translation>Alle artikelen van deze registratie zijn verkocht.</translation>
    </message>
    <message>
        <source>Refers to %1. Reason: %2</source>
        <translation>Verwijst naar %1. Reden: %2</translation>
    </message>
    <message>
        <source>Replaced by %1 (%2)</source>
        <translation>Vervangen door %1 (%2)</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Ingekocht</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <source>(removed after the retention period)</source>
        <translation>(verwijderd na de bewaartermijn)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>Identiteitsbewijs</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Hold period</source>
        <translation>Bewaartermijn</translation>
    </message>
    <message>
        <source>DOR</source>
        <translation>DOR</translation>
    </message>
    <message>
        <source>registered %1; reason: %2</source>
        <translation>ingevoerd %1; reden: %2</translation>
    </message>
    <message>
        <source>Late entry</source>
        <translation>Late invoer</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>geldig tot %1</translation>
    </message>
    <message>
        <source>until %1; on police hold</source>
        <translation>tot %1; apart houden voor de politie</translation>
    </message>
    <message>
        <source>until %1 (runs)</source>
        <translation>tot %1 (loopt)</translation>
    </message>
    <message>
        <source>ended on %1</source>
        <translation>afgelopen op %1</translation>
    </message>
    <message>
        <source>Not sent yet; it is sent again by itself. The last attempt:</source>
        <translation>Nog niet verstuurd; het wordt vanzelf opnieuw verstuurd. De laatste poging:</translation>
    </message>
    <message>
        <source>The DOR refused this entry. Correct it to resend:</source>
        <translation>Het DOR heeft deze registratie geweigerd. Corrigeer haar om opnieuw te versturen:</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goederen</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Hits</translation>
    </message>
    <message>
        <source>Item %1: %2 %3 matches a report of stolen goods (%4)</source>
        <translation>Artikel %1: %2 %3 komt overeen met een melding van gestolen goed (%4)</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>(ingetrokken)</translation>
    </message>
    <message>
        <source>What to do: open the notices (Ctrl+Shift+H)</source>
        <translation>Wat te doen: open de meldingen (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Verkocht</translation>
    </message>
    <message>
        <source>Item %1 sold on %2 to %3 for %4</source>
        <translation>Artikel %1 verkocht op %2 aan %3 voor %4</translation>
    </message>
    <message>
        <source>Voided by %1</source>
        <translation>Vervallen verklaard met %1</translation>
    </message>
    <message>
        <source>Sale recorded</source>
        <translation>Verkoop vastgelegd</translation>
    </message>
    <message>
        <source>Not done because of an unexpected error (%1)</source>
        <translation>Niet gelukt door een onverwachte fout (%1)</translation>
    </message>
</context>
<context>
    <name>FieldBox</name>
    <message>
        <source>from document</source>
        <extracomment>Why the scan doubts this value, and its other reading (shown while it is &quot;doubtful&quot;).</extracomment>
        <translation>uit document</translation>
    </message>
    <message>
        <source>Read from the ID document; changes when you edit it</source>
        <translation>Gelezen van het identiteitsbewijs; vervalt als u het aanpast</translation>
    </message>
    <message>
        <source>check against the document</source>
        <translation>controleer met het document</translation>
    </message>
    <message>
        <source>The scan is not sure of this value: compare with the document</source>
        <translation>De scan is niet zeker van deze waarde: vergelijk met het document</translation>
    </message>
    <message>
        <source>%1 (accepted)</source>
        <translation>%1 (geaccepteerd)</translation>
    </message>
</context>
<context>
    <name>IdScan</name>
    <message>
        <source>family name</source>
        <extracomment>Scan result field -&gt; form path. The reader&apos;s reasons for doubting a field (idscan: mrz_parse, guards, trust) -&gt; message key.</extracomment>
        <translation>achternaam</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>voornamen</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>geboortedatum</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>documentnummer</translation>
    </message>
    <message>
        <source>issuing country</source>
        <translation>land van afgifte</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>vervaldatum</translation>
    </message>
    <message>
        <source>Could not be read reliably: %1. Compare with the document.</source>
        <translation>Niet betrouwbaar gelezen: %1. Vergelijk met het document.</translation>
    </message>
    <message>
        <source>The overall check digit failed: compare all fields with the document.</source>
        <translation>Het totale controlecijfer klopt niet: vergelijk alle velden met het document.</translation>
    </message>
    <message>
        <source>Some letters could not be read with certainty: compare the name, nationality and document number with the document.</source>
        <translation>Sommige letters zijn niet met zekerheid gelezen: vergelijk de naam, nationaliteit en het documentnummer met het document.</translation>
    </message>
    <message>
        <source>The document has expired.</source>
        <translation>Het document is verlopen.</translation>
    </message>
    <message>
        <source>Read from the document. Check the name against the seller.</source>
        <translation>Gelezen van het document. Controleer de naam bij de verkoper.</translation>
    </message>
    <message>
        <source>No machine-readable zone found. Scan the side with the lines of &lt;&lt;&lt; characters, or type the fields.</source>
        <translation>Geen machineleesbare zone gevonden. Scan de kant met de regels &lt;&lt;&lt;-tekens, of typ de velden.</translation>
    </message>
    <message>
        <source>The machine-readable zone could not be read. Rescan it straight and sharp, or type the fields.</source>
        <translation>De machineleesbare zone kon niet worden gelezen. Scan recht en scherp opnieuw, of typ de velden.</translation>
    </message>
    <message>
        <source>This file is not an image that can be read. Choose another file or type the fields.</source>
        <translation>Dit bestand is geen leesbare afbeelding. Kies een ander bestand of typ de velden.</translation>
    </message>
    <message>
        <source>The document could not be read. Type the fields.</source>
        <translation>Het document kon niet worden gelezen. Typ de velden.</translation>
    </message>
    <message>
        <source>Its check digit did not match.</source>
        <translation>Het controlecijfer klopt niet.</translation>
    </message>
    <message>
        <source>Not a known country code.</source>
        <translation>Geen bekende landcode.</translation>
    </message>
    <message>
        <source>Not all characters could be read.</source>
        <translation>Niet alle tekens konden worden gelezen.</translation>
    </message>
    <message>
        <source>Not a valid date.</source>
        <translation>Geen geldige datum.</translation>
    </message>
    <message>
        <source>The overall check digit did not match.</source>
        <translation>Het totale controlecijfer klopt niet.</translation>
    </message>
    <message>
        <source>Does not fit the Dutch document number pattern.</source>
        <translation>Past niet bij het patroon van Nederlandse documentnummers.</translation>
    </message>
    <message>
        <source>A character may have been read as another one.</source>
        <translation>Een teken is mogelijk als een ander teken gelezen.</translation>
    </message>
    <message>
        <source>The print is too small in the image to be sure.</source>
        <translation>De tekst is te klein op de afbeelding om zeker te zijn.</translation>
    </message>
    <message>
        <source>The print differs from the standard letters: compare them.</source>
        <translation>De druk wijkt af van de standaardletters: vergelijk ze.</translation>
    </message>
    <message>
        <source>Other characters of this scan were misread.</source>
        <translation>Andere tekens van deze scan zijn verkeerd gelezen.</translation>
    </message>
    <message>
        <source>The seller would be implausibly young: check the century.</source>
        <translation>De verkoper zou onwaarschijnlijk jong zijn: controleer de eeuw.</translation>
    </message>
    <message>
        <source>The reader is not sure of this value.</source>
        <translation>De scanner is niet zeker van deze waarde.</translation>
    </message>
    <message>
        <source>Other reading: %1</source>
        <translation>Andere lezing: %1</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Remove this item</source>
        <translation>Dit artikel verwijderen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Merk</translation>
    </message>
    <message>
        <source>Type or model</source>
        <translation>Type of model</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serienummer</translation>
    </message>
    <message>
        <source>Frame number</source>
        <translation>Framenummer</translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <translation>Gewicht (gram)</translation>
    </message>
    <message>
        <source>Fineness (per mille)</source>
        <translation>Gehalte (promille)</translation>
    </message>
    <message>
        <source>Hallmark or engraving</source>
        <translation>Keurmerk of gravure</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Omschrijving</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Aantal</translation>
    </message>
    <message>
        <source>Price paid (EUR)</source>
        <translation>Betaalde prijs (EUR)</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Kies een soort</translation>
    </message>
    <message>
        <source>15 digits (*#06# on the phone)</source>
        <translation>15 cijfers (*#06# op de telefoon)</translation>
    </message>
    <message>
        <source>for example 12,4</source>
        <translation>bijvoorbeeld 12,4</translation>
    </message>
    <message>
        <source>for example 585</source>
        <translation>bijvoorbeeld 585</translation>
    </message>
    <message>
        <source>for example 120,00</source>
        <translation>bijvoorbeeld 120,00</translation>
    </message>
    <message>
        <source>Check for stolen (Ctrl+K)</source>
        <translation>Controleren op diefstal (Ctrl+K)</translation>
    </message>
    <message>
        <source>Add photo...</source>
        <translation>Foto toevoegen...</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Artikel %1</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Foto&apos;s: %1</translation>
    </message>
    <message>
        <source>no photo yet</source>
        <translation>nog geen foto</translation>
    </message>
    <message>
        <source>%1 of 15 digits</source>
        <translation>%1 van 15 cijfers</translation>
    </message>
    <message>
        <source>Check digit correct</source>
        <translation>Controlecijfer klopt</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>Pincode</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>Pincode nogmaals</translation>
    </message>
    <message>
        <source>Create the owner account</source>
        <translation>Maak het account van de eigenaar</translation>
    </message>
    <message>
        <source>This register has no accounts yet. The owner manages the clerks&apos; accounts and sees the audit log. Choose a name and a PIN of at least 4 characters.</source>
        <translation>Dit register heeft nog geen accounts. De eigenaar beheert de accounts van de medewerkers en ziet het auditlog. Kies een naam en een pincode van minstens 4 tekens.</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>Maken en inloggen</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>Log in with your name and PIN.</source>
        <translation>Log in met uw naam en pincode.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Inloggen</translation>
    </message>
    <message>
        <source>Enter your name and PIN.</source>
        <translation>Vul uw naam en pincode in.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>De twee pincodes verschillen.</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>Onjuiste naam of pincode.</translation>
    </message>
    <message>
        <source>Logging in failed; the log says why.</source>
        <translation>Inloggen is mislukt; het logbestand zegt waarom.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>DOR Desktop - %1</source>
        <translation>DOR Desktop - %1</translation>
    </message>
    <message>
        <source>New purchase (Ctrl+N)</source>
        <extracomment>The settings moved the program between practice and the legal register: the launcher closes this window and opens the other register (ui.main.Launcher). After stop_background(): the sync workers have closed their services.</extracomment>
        <translation>Nieuwe inkoop (Ctrl+N)</translation>
    </message>
    <message>
        <source>Register (Ctrl+R)</source>
        <translation>Register (Ctrl+R)</translation>
    </message>
    <message>
        <source>%1 (PRACTICE)</source>
        <translation>%1 (OEFENEN)</translation>
    </message>
    <message>
        <source>%1 - legal register</source>
        <translation>%1 - wettelijk register</translation>
    </message>
    <message>
        <source>Switch clerk (Ctrl+L)</source>
        <translation>Wissel medewerker (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>New purchase</source>
        <translation>Nieuwe inkoop</translation>
    </message>
    <message>
        <source>Scan ID from file...</source>
        <translation>ID scannen uit bestand...</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Instellingen...</translation>
    </message>
    <message>
        <source>Switch clerk</source>
        <translation>Wissel medewerker</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Show register</source>
        <translation>Register tonen</translation>
    </message>
    <message>
        <source>&amp;DOR</source>
        <translation>&amp;DOR</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Nu synchroniseren</translation>
    </message>
    <message>
        <source>Refused entries...</source>
        <translation>Geweigerde registraties...</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Meldingen</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>&amp;Beheer</translation>
    </message>
    <message>
        <source>Accounts...</source>
        <translation>Accounts...</translation>
    </message>
    <message>
        <source>Audit log...</source>
        <translation>Auditlog...</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Vergrendeld</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Medewerker: %1</translation>
    </message>
    <message>
        <source>%1 ID copies past their retention could not be removed; the log says why.</source>
        <translation>%1 ID-kopieën waarvan de bewaartermijn voorbij is, konden niet worden verwijderd; het logboek zegt waarom.</translation>
    </message>
    <message>
        <source>%1 ID copies past their retention were removed.</source>
        <translation>%1 ID-kopieën waarvan de bewaartermijn voorbij is, zijn verwijderd.</translation>
    </message>
    <message>
        <source>The purchase being saved when the program stopped is in the register as %1.</source>
        <translation>De inkoop die werd opgeslagen toen het programma stopte, staat in het register als %1.</translation>
    </message>
    <message>
        <source>PRACTICE - not the legal register: entries go to a practice DOR, never to the police. To start the real register: Settings (Ctrl+,)</source>
        <translation>OEFENEN - niet het wettelijke register: inkopen gaan naar een oefen-DOR, nooit naar de politie. Beginnen met het echte register: Instellingen (Ctrl+,)</translation>
    </message>
    <message>
        <source>The personal data of %1 entries past their retention was removed.</source>
        <translation>De persoonsgegevens van %1 inkopen waarvan de bewaartermijn voorbij is, zijn verwijderd.</translation>
    </message>
    <message>
        <source>Syncing with the DOR...</source>
        <translation>Bezig met synchroniseren met het DOR...</translation>
    </message>
    <message>
        <source>The DOR could not be reached; the entries wait and are sent later</source>
        <translation>Het DOR was niet bereikbaar; de registraties wachten en worden later verstuurd</translation>
    </message>
    <message>
        <source>Sync done: %1 sent</source>
        <translation>Gesynchroniseerd: %1 verstuurd</translation>
    </message>
    <message>
        <source>Not connected to the DOR yet</source>
        <translation>Nog niet verbonden met het DOR</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Instellingen niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>The new language is used everywhere after a restart.</source>
        <translation>De nieuwe taal wordt overal gebruikt na een herstart.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Instellingen opgeslagen</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Required</source>
        <extracomment>What a field problem means, per code; a few codes read better per field (see _BY_FIELD).</extracomment>
        <translation>Verplicht</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Te lang</translation>
    </message>
    <message>
        <source>A Dutch postcode looks like 1234 AB</source>
        <translation>Een Nederlandse postcode ziet eruit als 1234 AB</translation>
    </message>
    <message>
        <source>This date lies in the future</source>
        <translation>Deze datum ligt in de toekomst</translation>
    </message>
    <message>
        <source>Not a date: type dd-mm-yyyy</source>
        <translation>Geen datum: typ dd-mm-jjjj</translation>
    </message>
    <message>
        <source>Not a valid amount (for example 12,50)</source>
        <translation>Geen geldig bedrag (bijvoorbeeld 12,50)</translation>
    </message>
    <message>
        <source>An IMEI has exactly 15 digits</source>
        <translation>Een IMEI heeft precies 15 cijfers</translation>
    </message>
    <message>
        <source>The IMEI check digit is wrong: retype the IMEI</source>
        <translation>Het controlecijfer van het IMEI klopt niet: typ het IMEI opnieuw</translation>
    </message>
    <message>
        <source>The ID document has expired</source>
        <translation>Het identiteitsbewijs is verlopen</translation>
    </message>
    <message>
        <source>Metal bought for cash: an ID document is required</source>
        <translation>Metaal contant ingekocht: een identiteitsbewijs is verplicht</translation>
    </message>
    <message>
        <source>The seller&apos;s ID document is missing</source>
        <translation>Het identiteitsbewijs van de verkoper ontbreekt</translation>
    </message>
    <message>
        <source>This is a citizen service number (BSN), not a document number</source>
        <translation>Dit is een burgerservicenummer (BSN), geen documentnummer</translation>
    </message>
    <message>
        <source>This looks like a citizen service number (BSN): remove it</source>
        <translation>Dit lijkt een burgerservicenummer (BSN): haal het weg</translation>
    </message>
    <message>
        <source>Contains an invisible or control character: retype it</source>
        <translation>Bevat een onzichtbaar teken of stuurteken: typ het opnieuw</translation>
    </message>
    <message>
        <source>This looks like a citizen service number (BSN): check it is the item&apos;s number</source>
        <translation>Dit lijkt een burgerservicenummer (BSN): controleer of het het nummer van het artikel is</translation>
    </message>
    <message>
        <source>Goods without a unique number need a photo or a hallmark</source>
        <translation>Goederen zonder uniek nummer hebben een foto of keurmerk nodig</translation>
    </message>
    <message>
        <source>A weight in grams, at most three decimals</source>
        <translation>Een gewicht in gram, hoogstens drie decimalen</translation>
    </message>
    <message>
        <source>Fineness is per mille: 1 to 1000</source>
        <translation>Het gehalte is in promille: 1 tot 1000</translation>
    </message>
    <message>
        <source>At least 1</source>
        <translation>Minstens 1</translation>
    </message>
    <message>
        <source>At most 200 items per entry</source>
        <translation>Hoogstens 200 artikelen per registratie</translation>
    </message>
    <message>
        <source>Not in the expected form</source>
        <translation>Niet in de verwachte vorm</translation>
    </message>
    <message>
        <source>Not one of the allowed values</source>
        <translation>Geen van de toegestane waarden</translation>
    </message>
    <message>
        <source>Choose a category first</source>
        <translation>Kies eerst een soort</translation>
    </message>
    <message>
        <source>A phone needs its IMEI (or serial number)</source>
        <translation>Een telefoon heeft een IMEI (of serienummer) nodig</translation>
    </message>
    <message>
        <source>A bicycle needs its frame number</source>
        <translation>Een fiets heeft een framenummer nodig</translation>
    </message>
    <message>
        <source>Metal needs its weight in grams</source>
        <translation>Metaal heeft een gewicht in gram nodig</translation>
    </message>
    <message>
        <source>Metal needs its fineness (for example 585)</source>
        <translation>Metaal heeft een gehalte nodig (bijvoorbeeld 585)</translation>
    </message>
    <message>
        <source>Add at least one item</source>
        <translation>Voeg minstens één artikel toe</translation>
    </message>
    <message>
        <source>Use a two-letter country code (NL)</source>
        <translation>Gebruik een landcode van twee letters (NL)</translation>
    </message>
    <message>
        <source>Use the code on the document (NLD, D, BEL)</source>
        <translation>Gebruik de code op het document (NLD, D, BEL)</translation>
    </message>
</context>
<context>
    <name>PurchaseForm</name>
    <message>
        <source>Restore (Ctrl+Shift+R)</source>
        <translation>Herstellen (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Weggooien</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <extracomment>Problems shown only once the clerk touched the field or tried to save (an empty form is not a list of errors). The DOR&apos;s own complaint about a refused entry: shown at its field, but the DOR decides on it again when the correction is sent, so it does not stop the save. The DOR&apos;s complaints about an entry being corrected, shown until the field is edited.</extracomment>
        <translation>Bon afdrukken (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save receipt as PDF (Ctrl+Shift+P)</source>
        <translation>Bon opslaan als pdf (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>why the entry is corrected</source>
        <translation>waarom de registratie wordt gecorrigeerd</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Reden (verplicht):</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>Correctie annuleren</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <source>Scan ID from file... (Ctrl+O)</source>
        <extracomment>The masked ID copy is shown as a thumbnail beside the scan buttons (enough to recognise it). The masked copy of the last document read (PNG), kept with the entry if the shop keeps copies.</extracomment>
        <translation>ID scannen uit bestand... (Ctrl+O)</translation>
    </message>
    <message>
        <source>Camera (Ctrl+Shift+O)</source>
        <translation>Camera (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Or drop an image of the ID here.</source>
        <translation>Of sleep een afbeelding van het ID hierheen.</translation>
    </message>
    <message>
        <source>Masked copy: photo and BSN made unreadable</source>
        <translation>Afgeschermde kopie: foto en BSN onleesbaar gemaakt</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Achternaam</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Voornamen</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Geboortedatum</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straat</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Huisnummer</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Plaats</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-jjjj</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>Identiteitsbewijs</translation>
    </message>
    <message>
        <source>Choose a document type</source>
        <translation>Kies een soort document</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Documentnummer</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>Land van afgifte</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Geldig tot</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goederen</translation>
    </message>
    <message>
        <source>Add another item (Ctrl+Shift+A)</source>
        <translation>Nog een artikel toevoegen (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Voorwaarden</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Wijze</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Betaling</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Accept the warnings shown (Alt+W)</source>
        <translation>De getoonde waarschuwingen accepteren (Alt+W)</translation>
    </message>
    <message>
        <source>Empty form</source>
        <translation>Formulier leegmaken</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Opslaan (Ctrl+S)</translation>
    </message>
    <message>
        <source>The draft could not be kept on disk: %1</source>
        <translation>Het concept kon niet op schijf worden bewaard: %1</translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation>nog geen naam</translation>
    </message>
    <message>
        <source>A purchase that was not saved was found (%1, %2). Restore it?</source>
        <translation>Er is een niet-opgeslagen inkoop gevonden (%1, %2). Herstellen?</translation>
    </message>
    <message>
        <source>The unsaved purchase was restored</source>
        <translation>De niet-opgeslagen inkoop is hersteld</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2. See the marked fields.</source>
        <translation>Fouten: %1, waarschuwingen: %2. Zie de gemarkeerde velden.</translation>
    </message>
    <message>
        <source>Not saved yet: fix the marked fields first</source>
        <translation>Nog niet opgeslagen: verbeter eerst de gemarkeerde velden</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Bezig met opslaan...</translation>
    </message>
    <message>
        <source>Saved in the register as %1.</source>
        <translation>Opgeslagen in het register als %1.</translation>
    </message>
    <message>
        <source>Not saved: the register refused the entry; see the marked fields</source>
        <translation>Niet opgeslagen: het register weigerde de registratie; zie de gemarkeerde velden</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Niet opgeslagen: %1</translation>
    </message>
    <message>
        <source>Not saved because of an unexpected error (%1); the form is kept</source>
        <translation>Niet opgeslagen door een onverwachte fout (%1); het formulier blijft bewaard</translation>
    </message>
    <message>
        <source>Correcting %1.</source>
        <translation>Correctie van %1.</translation>
    </message>
    <message>
        <source>Choose an image of the ID document</source>
        <extracomment>True once the OCR model is loaded (warm_up, on the OCR lane at start).</extracomment>
        <translation>Kies een afbeelding van het identiteitsbewijs</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Geen camera gevonden</translation>
    </message>
    <message>
        <source>Reading the document...</source>
        <translation>Bezig met lezen van het document...</translation>
    </message>
    <message>
        <source>Type the IMEI, serial or frame number first</source>
        <translation>Typ eerst het IMEI, serie- of framenummer</translation>
    </message>
    <message>
        <source>Could not check: not connected to the DOR</source>
        <translation>Kon niet controleren: niet verbonden met het DOR</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Bezig met controleren...</translation>
    </message>
    <message>
        <source>Could not check: offline</source>
        <translation>Kon niet controleren: offline</translation>
    </message>
    <message>
        <source>Known as stolen. Do not buy; keep the conversation calm.</source>
        <translation>Bekend als gestolen. Niet inkopen; houd het gesprek rustig.</translation>
    </message>
    <message>
        <source>Not known as stolen</source>
        <translation>Niet bekend als gestolen</translation>
    </message>
    <message>
        <source>Choose a photo of the item</source>
        <translation>Kies een foto van het artikel</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>The photo could not be read: %1</source>
        <translation>De foto kon niet worden gelezen: %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Void %1</source>
        <translation>%1 vervallen verklaren</translation>
    </message>
    <message>
        <source>for example: entered twice by mistake</source>
        <translation>bijvoorbeeld: per ongeluk twee keer ingevoerd</translation>
    </message>
    <message>
        <source>Void entry</source>
        <translation>Vervallen verklaren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>The entry stays in the register; a void entry is added that cancels it.</source>
        <translation>De registratie blijft in het register; er komt een vervalregistratie bij die haar ongedaan maakt.</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reden (verplicht)</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Bon opslaan als pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Pdf-bestanden (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved as %1</source>
        <translation>Bon opgeslagen als %1</translation>
    </message>
    <message>
        <source>Receipt sent to the printer</source>
        <translation>Bon naar de printer gestuurd</translation>
    </message>
    <message>
        <source>The receipt could not be made: %1</source>
        <translation>De bon kon niet worden gemaakt: %1</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key of the register</source>
        <translation>Herstelsleutel van het register</translation>
    </message>
    <message>
        <source>The register is encrypted. Its key is kept in this computer&apos;s keyring. If this computer is lost or broken, the register can only be restored from a backup with the recovery key below.

Write it down or print it, and keep it in a safe place away from this computer. It is shown only this once.</source>
        <translation>Het register is versleuteld. De sleutel staat in de sleutelbos van deze computer. Raakt deze computer weg of gaat hij kapot, dan kan het register alleen worden teruggezet uit een reservekopie met de herstelsleutel hieronder.

Schrijf hem op of druk hem af, en bewaar hem op een veilige plek, niet bij deze computer. Hij wordt alleen nu getoond.</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Afdrukken...</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>Ik heb hem opgeschreven</translation>
    </message>
    <message>
        <source>Keep this paper in a safe place away from the computer.</source>
        <translation>Bewaar dit papier op een veilige plek, niet bij de computer.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <extracomment>Pages kept in memory in window mode (10,000 rows: a few MB whatever the register&apos;s size).</extracomment>
        <translation>Nummer</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Ingekocht</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Verkoper</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Totaal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Wijze</translation>
    </message>
    <message>
        <source>DOR</source>
        <translation>DOR</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(verwijderd)</translation>
    </message>
    <message>
        <source>%1, late entry</source>
        <translation>%1, late invoer</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Hit</translation>
    </message>
    <message>
        <source>Hit: keep the goods apart. Open the alerts for what to do.</source>
        <translation>Hit: leg de goederen apart. Open de meldingen voor wat te doen.</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Search (Ctrl+F): number, name, IMEI, serial or frame number</source>
        <translation>Zoeken (Ctrl+F): nummer, naam, IMEI, serie- of framenummer</translation>
    </message>
    <message>
        <source>from dd-mm-yyyy</source>
        <translation>van dd-mm-jjjj</translation>
    </message>
    <message>
        <source>to dd-mm-yyyy</source>
        <translation>tot dd-mm-jjjj</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <source>Every DOR state</source>
        <translation>Elke DOR-status</translation>
    </message>
    <message>
        <source>Not a date: type dd-mm-yyyy</source>
        <translation>Geen datum: typ dd-mm-jjjj</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <source>Refused by the DOR</source>
        <translation>Geweigerd door het DOR</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>geweigerd</translation>
    </message>
    <message>
        <source>conflict: call support</source>
        <translation>conflict: bel de helpdesk</translation>
    </message>
    <message>
        <source>Fix opens the entry in the purchase form as a correction; saving it sends it again.</source>
        <translation>Verbeteren opent de registratie als correctie in het inkoopformulier; opslaan verstuurt haar opnieuw.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Sluiten</translation>
    </message>
    <message>
        <source>Fix (Enter)</source>
        <translation>Verbeteren (Enter)</translation>
    </message>
    <message>
        <source>Show in register</source>
        <translation>Tonen in register</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Record a sale from %1</source>
        <translation>Verkoop vastleggen uit %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Artikel %1</translation>
    </message>
    <message>
        <source>for example 150,00</source>
        <translation>bijvoorbeeld 150,00</translation>
    </message>
    <message>
        <source>Record sale</source>
        <translation>Verkoop vastleggen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Artikel</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Koper</translation>
    </message>
    <message>
        <source>Price (EUR)</source>
        <translation>Prijs (EUR)</translation>
    </message>
    <message>
        <source>Enter the sale price, for example 150,00</source>
        <translation>Vul de verkoopprijs in, bijvoorbeeld 150,00</translation>
    </message>
</context>
<context>
    <name>ScanFolderWatcher</name>
    <message>
        <source>The scan could not be removed from the scan folder; please delete it yourself.</source>
        <translation>De scan kon niet uit de scanmap worden verwijderd; verwijder hem zelf.</translation>
    </message>
    <message>
        <source>A scan in the scan folder could not be read; please scan again.</source>
        <translation>Een scan in de scanmap kon niet worden gelezen; scan opnieuw.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Welcome to DOR Desktop</source>
        <extracomment>The counter prefix as the settings module accepts it (checked here to explain it in Dutch).</extracomment>
        <translation>Welkom bij DOR Desktop</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <source>Three things and you can start: your shop, your counter, and how to reach the DOR. You can change all of it later under Settings.</source>
        <translation>Drie dingen en u kunt beginnen: uw winkel, uw kassa en hoe het DOR bereikt wordt. U kunt alles later wijzigen onder Instellingen.</translation>
    </message>
    <message>
        <source>Register numbers start with this, e.g. K1-000001</source>
        <translation>Registernummers beginnen hiermee, bijv. K1-000001</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Winkelnaam</translation>
    </message>
    <message>
        <source>Shop id</source>
        <translation>Winkelnummer</translation>
    </message>
    <message>
        <source>Counter prefix</source>
        <translation>Kassavoorvoegsel</translation>
    </message>
    <message>
        <source>Municipality rules</source>
        <translation>Gemeentelijke regels</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <source>folder where the scanner puts its files</source>
        <translation>map waarin de scanner zijn bestanden zet</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Kiezen...</translation>
    </message>
    <message>
        <source>Every scan read from this folder is deleted from it straight away; only the masked copy may be kept.</source>
        <translation>Elke scan die uit deze map wordt gelezen, wordt er meteen uit verwijderd; alleen de afgeschermde kopie mag bewaard worden.</translation>
    </message>
    <message>
        <source>Scan folder</source>
        <translation>Scanmap</translation>
    </message>
    <message>
        <source>Keep a masked copy of the ID (photo and BSN made unreadable)</source>
        <translation>Afgeschermde kopie van het ID bewaren (foto en BSN onleesbaar)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nooit</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock when idle after</source>
        <translation>Vergrendelen na inactiviteit van</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <source>Practice with the sandbox (a practice DOR on this computer)</source>
        <translation>Oefenen met de sandbox (een oefen-DOR op deze computer)</translation>
    </message>
    <message>
        <source>Connect to the DOR (the legal register)</source>
        <translation>Verbinden met het DOR (het wettelijke register)</translation>
    </message>
    <message>
        <source>Practice entries stay in a practice register of their own and never reach the police. Connecting to the DOR switches to the legal register, which starts empty; switching back to practice later shows the practice register again. The program reopens to switch.</source>
        <translation>Oefeninkopen blijven in een eigen oefenregister en bereiken de politie nooit. Verbinden met het DOR schakelt over naar het wettelijke register, dat leeg begint; later terug naar oefenen toont het oefenregister weer. Het programma opent opnieuw om over te schakelen.</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty keeps the stored one</source>
        <translation>bewaard in de sleutelbos van het systeem; leeg laat de bewaarde staan</translation>
    </message>
    <message>
        <source>DOR address</source>
        <translation>DOR-adres</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client-id</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Clientgeheim</translation>
    </message>
    <message>
        <source>The counter prefix is 1 to 8 capital letters or digits, for example K1</source>
        <translation>Het kassavoorvoegsel is 1 tot 8 hoofdletters of cijfers, bijvoorbeeld K1</translation>
    </message>
    <message>
        <source>The shop id is required (at most 32 characters)</source>
        <translation>Het winkelnummer is verplicht (hoogstens 32 tekens)</translation>
    </message>
    <message>
        <source>The DOR address must start with https://</source>
        <translation>Het DOR-adres moet beginnen met https://</translation>
    </message>
    <message>
        <source>Enter the DOR address, or choose the sandbox</source>
        <translation>Vul het DOR-adres in, of kies de sandbox</translation>
    </message>
    <message>
        <source>Enter the client id you received for the DOR</source>
        <translation>Vul de client-id in die u voor het DOR hebt gekregen</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Making a backup of the register before the upgrade...</source>
        <translation>Reservekopie van het register maken voor de bijwerking...</translation>
    </message>
    <message>
        <source>Upgrading the register...</source>
        <translation>Register bijwerken...</translation>
    </message>
    <message>
        <source>DOR Desktop cannot start</source>
        <translation>DOR Desktop kan niet starten</translation>
    </message>
    <message>
        <source>The data folder could not be opened: %1</source>
        <translation>De gegevensmap kon niet worden geopend: %1</translation>
    </message>
    <message>
        <source>Opening the register...</source>
        <extracomment>The progress window shows only when opening takes longer than this (a migration, a backup). Windows of a register being switched away from, until their sync workers have stopped.</extracomment>
        <translation>Register openen...</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>DOR: starting</source>
        <translation>DOR: starten</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Nu synchroniseren (F5)</translation>
    </message>
    <message>
        <source>DOR: connecting</source>
        <translation>DOR: verbinden</translation>
    </message>
    <message>
        <source>DOR: online</source>
        <translation>DOR: online</translation>
    </message>
    <message>
        <source>DOR: offline</source>
        <translation>DOR: offline</translation>
    </message>
    <message>
        <source>(sandbox)</source>
        <translation>(sandbox)</translation>
    </message>
    <message>
        <source>waiting: %1</source>
        <translation>wachtend: %1</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>oudste %1</translation>
    </message>
    <message>
        <source>last received %1</source>
        <translation>laatst ontvangen %1</translation>
    </message>
    <message>
        <source>retry at %1</source>
        <translation>opnieuw om %1</translation>
    </message>
    <message>
        <source>To fix: %1</source>
        <translation>Te verbeteren: %1</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>minder dan een minuut</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 uur</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dagen</translation>
    </message>
    <message>
        <source>DOR: not set up</source>
        <translation>DOR: niet ingesteld</translation>
    </message>
    <message>
        <source>see Settings</source>
        <translation>zie Instellingen</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <source>Tablet</source>
        <translation>Tablet</translation>
    </message>
    <message>
        <source>Laptop</source>
        <translation>Laptop</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <source>Audio and video</source>
        <translation>Audio en video</translation>
    </message>
    <message>
        <source>Game console</source>
        <translation>Spelcomputer</translation>
    </message>
    <message>
        <source>Bicycle</source>
        <translation>Fiets</translation>
    </message>
    <message>
        <source>E-bike</source>
        <translation>E-bike</translation>
    </message>
    <message>
        <source>Moped or scooter</source>
        <translation>Brommer of scooter</translation>
    </message>
    <message>
        <source>Vehicle part</source>
        <translation>Voertuigonderdeel</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Gereedschap</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Horloge</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>Sieraad</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Goud</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Zilver</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platina</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Koper</translation>
    </message>
    <message>
        <source>Other metal</source>
        <translation>Ander metaal</translation>
    </message>
    <message>
        <source>Gemstone</source>
        <translation>Edelsteen</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Kunst</translation>
    </message>
    <message>
        <source>Musical instrument</source>
        <translation>Muziekinstrument</translation>
    </message>
    <message>
        <source>Other goods</source>
        <translation>Overige goederen</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Paspoort</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Identiteitskaart</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Rijbewijs</translation>
    </message>
    <message>
        <source>Residence document</source>
        <translation>Verblijfsdocument</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Ander document</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Inkoop</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Ruil</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>Belening</translation>
    </message>
    <message>
        <source>Trade-in</source>
        <translation>Inruil</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Schenking</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>Consignatie</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Contant</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Overboeking</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Pin of creditcard</translation>
    </message>
    <message>
        <source>No payment</source>
        <translation>Geen betaling</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correctie</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Vervallen</translation>
    </message>
    <message>
        <source>Not queued</source>
        <translation>Niet in de wachtrij</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Wacht op verzending</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Bezig met verzenden</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Wordt opnieuw geprobeerd</translation>
    </message>
    <message>
        <source>Received by the DOR</source>
        <translation>Ontvangen door het DOR</translation>
    </message>
    <message>
        <source>Rejected: needs a fix</source>
        <translation>Geweigerd: moet verbeterd</translation>
    </message>
    <message>
        <source>Conflict: needs a look</source>
        <translation>Conflict: moet bekeken</translation>
    </message>
    <message>
        <source>Replaced by a correction</source>
        <translation>Vervangen door een correctie</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>serienummer</translation>
    </message>
    <message>
        <source>frame number</source>
        <translation>framenummer</translation>
    </message>
    <message>
        <source>description</source>
        <translation>omschrijving</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>exacte overeenkomst</translation>
    </message>
    <message>
        <source>partial match: compare carefully</source>
        <translation>gedeeltelijke overeenkomst: vergelijk zorgvuldig</translation>
    </message>
    <message>
        <source>ID document</source>
        <extracomment>Field names for messages that name a field (the DOR&apos;s refusals): by the path&apos;s last part.</extracomment>
        <translation>Identiteitsbewijs</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>documentnummer</translation>
    </message>
    <message>
        <source>issuing country</source>
        <translation>land van afgifte</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>vervaldatum</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>achternaam</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>voornamen</translation>
    </message>
    <message>
        <source>street</source>
        <translation>straat</translation>
    </message>
    <message>
        <source>house number</source>
        <translation>huisnummer</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>city</source>
        <translation>plaats</translation>
    </message>
    <message>
        <source>price</source>
        <translation>prijs</translation>
    </message>
</context>
</TS>
