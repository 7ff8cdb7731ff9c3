<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>AccountsDialog</name>
    <message>
        <source>Accounts</source>
        <translation>Accounts</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>for a new account or a new PIN</source>
        <translation>for a new account or a new PIN</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Change role</translation>
    </message>
    <message>
        <source>Reset PIN</source>
        <translation>Reset PIN</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>clerk</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>manager</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>owner</translation>
    </message>
    <message>
        <source>active</source>
        <translation>active</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deactivated</translation>
    </message>
    <message>
        <source>Account added.</source>
        <translation>Account added.</translation>
    </message>
    <message>
        <source>Role changed.</source>
        <translation>Role changed.</translation>
    </message>
    <message>
        <source>PIN changed.</source>
        <translation>PIN changed.</translation>
    </message>
    <message>
        <source>Account deactivated.</source>
        <translation>Account deactivated.</translation>
    </message>
</context>
<context>
    <name>AlertBadge</name>
    <message>
        <source>Open the notices (Ctrl+Shift+H)</source>
        <translation>Open the notices (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Notices: %1</source>
        <translation>Notices: %1</translation>
    </message>
    <message>
        <source>Goods on hold: %1</source>
        <translation>Goods on hold: %1</translation>
    </message>
</context>
<context>
    <name>AlertPanel</name>
    <message>
        <source>Notices from the DOR</source>
        <translation>Notices from the DOR</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Mark as read</translation>
    </message>
    <message>
        <source>Released by the police...</source>
        <translation>Released by the police...</translation>
    </message>
    <message>
        <source>Released by the police</source>
        <translation>Released by the police</translation>
    </message>
    <message>
        <source>Who released the goods, and how (e.g. police report number)?</source>
        <translation>Who released the goods, and how (e.g. police report number)?</translation>
    </message>
    <message>
        <source>Show entry</source>
        <translation>Show entry</translation>
    </message>
    <message>
        <source>No open notices.</source>
        <translation>No open notices.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Entry</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Match</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Reported by</translation>
    </message>
    <message>
        <source>Reported stolen on</source>
        <translation>Reported stolen on</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>(after the purchase)</source>
        <translation>(after the purchase)</translation>
    </message>
    <message>
        <source>Keep the item apart. Do not sell, alter or return it.</source>
        <translation>Keep the item apart. Do not sell, alter or return it.</translation>
    </message>
    <message>
        <source>Do not confront the seller; there is no need to say anything now.</source>
        <translation>Do not confront the seller; there is no need to say anything now.</translation>
    </message>
    <message>
        <source>The police will contact the shop about this item.</source>
        <translation>The police will contact the shop about this item.</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>What to do</translation>
    </message>
    <message>
        <source>From the DOR:</source>
        <translation>From the DOR:</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit log</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>register number or seller&apos;s name (optional)</source>
        <translation>register number or seller&apos;s name (optional)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 rows</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <source>Take a picture of the ID document</source>
        <extracomment>A file whose size did not change over this interval is taken as completely written.</extracomment>
        <translation>Take a picture of the ID document</translation>
    </message>
    <message>
        <source>Hold the side with the lines of &lt;&lt;&lt; characters flat and sharp in view.</source>
        <translation>Hold the side with the lines of &lt;&lt;&lt; characters flat and sharp in view.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Take picture (Space)</source>
        <translation>Take picture (Space)</translation>
    </message>
</context>
<context>
    <name>EntryDetailPanel</name>
    <message>
        <source>Correct (Ctrl+E)</source>
        <translation>Correct (Ctrl+E)</translation>
    </message>
    <message>
        <source>Void... (Ctrl+Shift+V)</source>
        <translation>Void... (Ctrl+Shift+V)</translation>
    </message>
    <message>
        <source>Record sale... (Ctrl+Shift+S)</source>
        <translation>Record sale... (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Receipt as PDF...</source>
        <translation>Receipt as PDF...</translation>
    </message>
    <message>
        <source>Choose an entry to see its detail.</source>
        <translation>Choose an entry to see its detail.</translation>
    </message>
    <message>
        <source>No sale, no changes: the goods are on police hold.</source>
        <translation>No sale, no changes: the goods are on police hold.</translation>
    </message>
    <message>
        <source>No sale before %1: the hold period runs.</source>
        <translation>No sale before %1: the hold period runs.</translation>
    </message>
    <message>
        <source>Every item of this entry has been sold.</source>
        <translation>Every item of this entry has been sold.</translation>
    </message>
    <message>
        <source>Refers to %1. Reason: %2</source>
        <translation>Refers to %1. Reason: %2</translation>
    </message>
    <message>
        <source>Replaced by %1 (%2)</source>
        <translation>Replaced by %1 (%2)</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>(removed after the retention period)</source>
        <translation>(removed after the retention period)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Hold period</source>
        <translation>Hold period</translation>
    </message>
    <message>
        <source>DOR</source>
        <translation>DOR</translation>
    </message>
    <message>
        <source>registered %1; reason: %2</source>
        <translation>registered %1; reason: %2</translation>
    </message>
    <message>
        <source>Late entry</source>
        <translation>Late entry</translation>
    </message>
    <message>
        <source>valid until %1</source>
        <translation>valid until %1</translation>
    </message>
    <message>
        <source>until %1; on police hold</source>
        <translation>until %1; on police hold</translation>
    </message>
    <message>
        <source>until %1 (runs)</source>
        <translation>until %1 (runs)</translation>
    </message>
    <message>
        <source>ended on %1</source>
        <translation>ended on %1</translation>
    </message>
    <message>
        <source>Not sent yet; it is sent again by itself. The last attempt:</source>
        <translation>Not sent yet; it is sent again by itself. The last attempt:</translation>
    </message>
    <message>
        <source>The DOR refused this entry. Correct it to resend:</source>
        <translation>The DOR refused this entry. Correct it to resend:</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>Hits</source>
        <translation>Hits</translation>
    </message>
    <message>
        <source>Item %1: %2 %3 matches a report of stolen goods (%4)</source>
        <translation>Item %1: %2 %3 matches a report of stolen goods (%4)</translation>
    </message>
    <message>
        <source>(withdrawn)</source>
        <translation>(withdrawn)</translation>
    </message>
    <message>
        <source>What to do: open the notices (Ctrl+Shift+H)</source>
        <translation>What to do: open the notices (Ctrl+Shift+H)</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Item %1 sold on %2 to %3 for %4</source>
        <translation>Item %1 sold on %2 to %3 for %4</translation>
    </message>
    <message>
        <source>Voided by %1</source>
        <translation>Voided by %1</translation>
    </message>
    <message>
        <source>Sale recorded</source>
        <translation>Sale recorded</translation>
    </message>
    <message>
        <source>Not done because of an unexpected error (%1)</source>
        <translation>Not done because of an unexpected error (%1)</translation>
    </message>
</context>
<context>
    <name>FieldBox</name>
    <message>
        <source>from document</source>
        <extracomment>Why the scan doubts this value, and its other reading (shown while it is &quot;doubtful&quot;).</extracomment>
        <translation>from document</translation>
    </message>
    <message>
        <source>Read from the ID document; changes when you edit it</source>
        <translation>Read from the ID document; changes when you edit it</translation>
    </message>
    <message>
        <source>check against the document</source>
        <translation>check against the document</translation>
    </message>
    <message>
        <source>The scan is not sure of this value: compare with the document</source>
        <translation>The scan is not sure of this value: compare with the document</translation>
    </message>
    <message>
        <source>%1 (accepted)</source>
        <translation>%1 (accepted)</translation>
    </message>
</context>
<context>
    <name>IdScan</name>
    <message>
        <source>family name</source>
        <extracomment>Scan result field -&gt; form path. The reader&apos;s reasons for doubting a field (idscan: mrz_parse, guards, trust) -&gt; message key.</extracomment>
        <translation>family name</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>given names</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date of birth</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>document number</translation>
    </message>
    <message>
        <source>issuing country</source>
        <translation>issuing country</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>expiry date</translation>
    </message>
    <message>
        <source>Could not be read reliably: %1. Compare with the document.</source>
        <translation>Could not be read reliably: %1. Compare with the document.</translation>
    </message>
    <message>
        <source>The overall check digit failed: compare all fields with the document.</source>
        <translation>The overall check digit failed: compare all fields with the document.</translation>
    </message>
    <message>
        <source>Some letters could not be read with certainty: compare the name, nationality and document number with the document.</source>
        <translation>Some letters could not be read with certainty: compare the name, nationality and document number with the document.</translation>
    </message>
    <message>
        <source>The document has expired.</source>
        <translation>The document has expired.</translation>
    </message>
    <message>
        <source>Read from the document. Check the name against the seller.</source>
        <translation>Read from the document. Check the name against the seller.</translation>
    </message>
    <message>
        <source>No machine-readable zone found. Scan the side with the lines of &lt;&lt;&lt; characters, or type the fields.</source>
        <translation>No machine-readable zone found. Scan the side with the lines of &lt;&lt;&lt; characters, or type the fields.</translation>
    </message>
    <message>
        <source>The machine-readable zone could not be read. Rescan it straight and sharp, or type the fields.</source>
        <translation>The machine-readable zone could not be read. Rescan it straight and sharp, or type the fields.</translation>
    </message>
    <message>
        <source>This file is not an image that can be read. Choose another file or type the fields.</source>
        <translation>This file is not an image that can be read. Choose another file or type the fields.</translation>
    </message>
    <message>
        <source>The document could not be read. Type the fields.</source>
        <translation>The document could not be read. Type the fields.</translation>
    </message>
    <message>
        <source>Its check digit did not match.</source>
        <translation>Its check digit did not match.</translation>
    </message>
    <message>
        <source>Not a known country code.</source>
        <translation>Not a known country code.</translation>
    </message>
    <message>
        <source>Not all characters could be read.</source>
        <translation>Not all characters could be read.</translation>
    </message>
    <message>
        <source>Not a valid date.</source>
        <translation>Not a valid date.</translation>
    </message>
    <message>
        <source>The overall check digit did not match.</source>
        <translation>The overall check digit did not match.</translation>
    </message>
    <message>
        <source>Does not fit the Dutch document number pattern.</source>
        <translation>Does not fit the Dutch document number pattern.</translation>
    </message>
    <message>
        <source>A character may have been read as another one.</source>
        <translation>A character may have been read as another one.</translation>
    </message>
    <message>
        <source>The print is too small in the image to be sure.</source>
        <translation>The print is too small in the image to be sure.</translation>
    </message>
    <message>
        <source>The print differs from the standard letters: compare them.</source>
        <translation>The print differs from the standard letters: compare them.</translation>
    </message>
    <message>
        <source>Other characters of this scan were misread.</source>
        <translation>Other characters of this scan were misread.</translation>
    </message>
    <message>
        <source>The seller would be implausibly young: check the century.</source>
        <translation>The seller would be implausibly young: check the century.</translation>
    </message>
    <message>
        <source>The reader is not sure of this value.</source>
        <translation>The reader is not sure of this value.</translation>
    </message>
    <message>
        <source>Other reading: %1</source>
        <translation>Other reading: %1</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Remove this item</source>
        <translation>Remove this item</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Brand</translation>
    </message>
    <message>
        <source>Type or model</source>
        <translation>Type or model</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Serial number</translation>
    </message>
    <message>
        <source>Frame number</source>
        <translation>Frame number</translation>
    </message>
    <message>
        <source>Weight (grams)</source>
        <translation>Weight (grams)</translation>
    </message>
    <message>
        <source>Fineness (per mille)</source>
        <translation>Fineness (per mille)</translation>
    </message>
    <message>
        <source>Hallmark or engraving</source>
        <translation>Hallmark or engraving</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Price paid (EUR)</source>
        <translation>Price paid (EUR)</translation>
    </message>
    <message>
        <source>Choose a category</source>
        <translation>Choose a category</translation>
    </message>
    <message>
        <source>15 digits (*#06# on the phone)</source>
        <translation>15 digits (*#06# on the phone)</translation>
    </message>
    <message>
        <source>for example 12,4</source>
        <translation>for example 12,4</translation>
    </message>
    <message>
        <source>for example 585</source>
        <translation>for example 585</translation>
    </message>
    <message>
        <source>for example 120,00</source>
        <translation>for example 120,00</translation>
    </message>
    <message>
        <source>Check for stolen (Ctrl+K)</source>
        <translation>Check for stolen (Ctrl+K)</translation>
    </message>
    <message>
        <source>Add photo...</source>
        <translation>Add photo...</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>Photos: %1</source>
        <translation>Photos: %1</translation>
    </message>
    <message>
        <source>no photo yet</source>
        <translation>no photo yet</translation>
    </message>
    <message>
        <source>%1 of 15 digits</source>
        <translation>%1 of 15 digits</translation>
    </message>
    <message>
        <source>Check digit correct</source>
        <translation>Check digit correct</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <source>PIN again</source>
        <translation>PIN again</translation>
    </message>
    <message>
        <source>Create the owner account</source>
        <translation>Create the owner account</translation>
    </message>
    <message>
        <source>This register has no accounts yet. The owner manages the clerks&apos; accounts and sees the audit log. Choose a name and a PIN of at least 4 characters.</source>
        <translation>This register has no accounts yet. The owner manages the clerks&apos; accounts and sees the audit log. Choose a name and a PIN of at least 4 characters.</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Log in with your name and PIN.</source>
        <translation>Log in with your name and PIN.</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Enter your name and PIN.</source>
        <translation>Enter your name and PIN.</translation>
    </message>
    <message>
        <source>The two PINs differ.</source>
        <translation>The two PINs differ.</translation>
    </message>
    <message>
        <source>Wrong name or PIN.</source>
        <translation>Wrong name or PIN.</translation>
    </message>
    <message>
        <source>Logging in failed; the log says why.</source>
        <translation>Logging in failed; the log says why.</translation>
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
        <translation>New purchase (Ctrl+N)</translation>
    </message>
    <message>
        <source>Register (Ctrl+R)</source>
        <translation>Register (Ctrl+R)</translation>
    </message>
    <message>
        <source>%1 (PRACTICE)</source>
        <translation>%1 (PRACTICE)</translation>
    </message>
    <message>
        <source>%1 - legal register</source>
        <translation>%1 - legal register</translation>
    </message>
    <message>
        <source>Switch clerk (Ctrl+L)</source>
        <translation>Switch clerk (Ctrl+L)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>New purchase</source>
        <translation>New purchase</translation>
    </message>
    <message>
        <source>Scan ID from file...</source>
        <translation>Scan ID from file...</translation>
    </message>
    <message>
        <source>Settings...</source>
        <translation>Settings...</translation>
    </message>
    <message>
        <source>Switch clerk</source>
        <translation>Switch clerk</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <source>Show register</source>
        <translation>Show register</translation>
    </message>
    <message>
        <source>&amp;DOR</source>
        <translation>&amp;DOR</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Refused entries...</source>
        <translation>Refused entries...</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>Notices</translation>
    </message>
    <message>
        <source>&amp;Manage</source>
        <translation>&amp;Manage</translation>
    </message>
    <message>
        <source>Accounts...</source>
        <translation>Accounts...</translation>
    </message>
    <message>
        <source>Audit log...</source>
        <translation>Audit log...</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Locked</translation>
    </message>
    <message>
        <source>Clerk: %1</source>
        <translation>Clerk: %1</translation>
    </message>
    <message>
        <source>%1 ID copies past their retention could not be removed; the log says why.</source>
        <translation>%1 ID copies past their retention could not be removed; the log says why.</translation>
    </message>
    <message>
        <source>%1 ID copies past their retention were removed.</source>
        <translation>%1 ID copies past their retention were removed.</translation>
    </message>
    <message>
        <source>The purchase being saved when the program stopped is in the register as %1.</source>
        <translation>The purchase being saved when the program stopped is in the register as %1.</translation>
    </message>
    <message>
        <source>PRACTICE - not the legal register: entries go to a practice DOR, never to the police. To start the real register: Settings (Ctrl+,)</source>
        <translation>PRACTICE - not the legal register: entries go to a practice DOR, never to the police. To start the real register: Settings (Ctrl+,)</translation>
    </message>
    <message>
        <source>The personal data of %1 entries past their retention was removed.</source>
        <translation>The personal data of %1 entries past their retention was removed.</translation>
    </message>
    <message>
        <source>Syncing with the DOR...</source>
        <translation>Syncing with the DOR...</translation>
    </message>
    <message>
        <source>The DOR could not be reached; the entries wait and are sent later</source>
        <translation>The DOR could not be reached; the entries wait and are sent later</translation>
    </message>
    <message>
        <source>Sync done: %1 sent</source>
        <translation>Sync done: %1 sent</translation>
    </message>
    <message>
        <source>Not connected to the DOR yet</source>
        <translation>Not connected to the DOR yet</translation>
    </message>
    <message>
        <source>Settings not saved: %1</source>
        <translation>Settings not saved: %1</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The new language is used everywhere after a restart.</source>
        <translation>The new language is used everywhere after a restart.</translation>
    </message>
    <message>
        <source>Settings saved</source>
        <translation>Settings saved</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>Required</source>
        <extracomment>What a field problem means, per code; a few codes read better per field (see _BY_FIELD).</extracomment>
        <translation>Required</translation>
    </message>
    <message>
        <source>Too long</source>
        <translation>Too long</translation>
    </message>
    <message>
        <source>A Dutch postcode looks like 1234 AB</source>
        <translation>A Dutch postcode looks like 1234 AB</translation>
    </message>
    <message>
        <source>This date lies in the future</source>
        <translation>This date lies in the future</translation>
    </message>
    <message>
        <source>Not a date: type dd-mm-yyyy</source>
        <translation>Not a date: type dd-mm-yyyy</translation>
    </message>
    <message>
        <source>Not a valid amount (for example 12,50)</source>
        <translation>Not a valid amount (for example 12,50)</translation>
    </message>
    <message>
        <source>An IMEI has exactly 15 digits</source>
        <translation>An IMEI has exactly 15 digits</translation>
    </message>
    <message>
        <source>The IMEI check digit is wrong: retype the IMEI</source>
        <translation>The IMEI check digit is wrong: retype the IMEI</translation>
    </message>
    <message>
        <source>The ID document has expired</source>
        <translation>The ID document has expired</translation>
    </message>
    <message>
        <source>Metal bought for cash: an ID document is required</source>
        <translation>Metal bought for cash: an ID document is required</translation>
    </message>
    <message>
        <source>The seller&apos;s ID document is missing</source>
        <translation>The seller&apos;s ID document is missing</translation>
    </message>
    <message>
        <source>This is a citizen service number (BSN), not a document number</source>
        <translation>This is a citizen service number (BSN), not a document number</translation>
    </message>
    <message>
        <source>This looks like a citizen service number (BSN): remove it</source>
        <translation>This looks like a citizen service number (BSN): remove it</translation>
    </message>
    <message>
        <source>Contains an invisible or control character: retype it</source>
        <translation>Contains an invisible or control character: retype it</translation>
    </message>
    <message>
        <source>This looks like a citizen service number (BSN): check it is the item&apos;s number</source>
        <translation>This looks like a citizen service number (BSN): check it is the item&apos;s number</translation>
    </message>
    <message>
        <source>Goods without a unique number need a photo or a hallmark</source>
        <translation>Goods without a unique number need a photo or a hallmark</translation>
    </message>
    <message>
        <source>A weight in grams, at most three decimals</source>
        <translation>A weight in grams, at most three decimals</translation>
    </message>
    <message>
        <source>Fineness is per mille: 1 to 1000</source>
        <translation>Fineness is per mille: 1 to 1000</translation>
    </message>
    <message>
        <source>At least 1</source>
        <translation>At least 1</translation>
    </message>
    <message>
        <source>At most 200 items per entry</source>
        <translation>At most 200 items per entry</translation>
    </message>
    <message>
        <source>Not in the expected form</source>
        <translation>Not in the expected form</translation>
    </message>
    <message>
        <source>Not one of the allowed values</source>
        <translation>Not one of the allowed values</translation>
    </message>
    <message>
        <source>Choose a category first</source>
        <translation>Choose a category first</translation>
    </message>
    <message>
        <source>A phone needs its IMEI (or serial number)</source>
        <translation>A phone needs its IMEI (or serial number)</translation>
    </message>
    <message>
        <source>A bicycle needs its frame number</source>
        <translation>A bicycle needs its frame number</translation>
    </message>
    <message>
        <source>Metal needs its weight in grams</source>
        <translation>Metal needs its weight in grams</translation>
    </message>
    <message>
        <source>Metal needs its fineness (for example 585)</source>
        <translation>Metal needs its fineness (for example 585)</translation>
    </message>
    <message>
        <source>Add at least one item</source>
        <translation>Add at least one item</translation>
    </message>
    <message>
        <source>Use a two-letter country code (NL)</source>
        <translation>Use a two-letter country code (NL)</translation>
    </message>
    <message>
        <source>Use the code on the document (NLD, D, BEL)</source>
        <translation>Use the code on the document (NLD, D, BEL)</translation>
    </message>
</context>
<context>
    <name>PurchaseForm</name>
    <message>
        <source>Restore (Ctrl+Shift+R)</source>
        <translation>Restore (Ctrl+Shift+R)</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <source>Print receipt (Ctrl+P)</source>
        <extracomment>Problems shown only once the clerk touched the field or tried to save (an empty form is not a list of errors). The DOR&apos;s own complaint about a refused entry: shown at its field, but the DOR decides on it again when the correction is sent, so it does not stop the save. The DOR&apos;s complaints about an entry being corrected, shown until the field is edited.</extracomment>
        <translation>Print receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save receipt as PDF (Ctrl+Shift+P)</source>
        <translation>Save receipt as PDF (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>why the entry is corrected</source>
        <translation>why the entry is corrected</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Reason (required):</translation>
    </message>
    <message>
        <source>Cancel correction</source>
        <translation>Cancel correction</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>Scan ID from file... (Ctrl+O)</source>
        <extracomment>The masked ID copy is shown as a thumbnail beside the scan buttons (enough to recognise it). The masked copy of the last document read (PNG), kept with the entry if the shop keeps copies.</extracomment>
        <translation>Scan ID from file... (Ctrl+O)</translation>
    </message>
    <message>
        <source>Camera (Ctrl+Shift+O)</source>
        <translation>Camera (Ctrl+Shift+O)</translation>
    </message>
    <message>
        <source>Or drop an image of the ID here.</source>
        <translation>Or drop an image of the ID here.</translation>
    </message>
    <message>
        <source>Masked copy: photo and BSN made unreadable</source>
        <translation>Masked copy: photo and BSN made unreadable</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Family name</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Given names</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Street</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>House number</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>City</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <source>dd-mm-yyyy</source>
        <translation>dd-mm-yyyy</translation>
    </message>
    <message>
        <source>ID document</source>
        <translation>ID document</translation>
    </message>
    <message>
        <source>Choose a document type</source>
        <translation>Choose a document type</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Issuing country</source>
        <translation>Issuing country</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Goods</source>
        <translation>Goods</translation>
    </message>
    <message>
        <source>Add another item (Ctrl+Shift+A)</source>
        <translation>Add another item (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Accept the warnings shown (Alt+W)</source>
        <translation>Accept the warnings shown (Alt+W)</translation>
    </message>
    <message>
        <source>Empty form</source>
        <translation>Empty form</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>The draft could not be kept on disk: %1</source>
        <translation>The draft could not be kept on disk: %1</translation>
    </message>
    <message>
        <source>no name yet</source>
        <translation>no name yet</translation>
    </message>
    <message>
        <source>A purchase that was not saved was found (%1, %2). Restore it?</source>
        <translation>A purchase that was not saved was found (%1, %2). Restore it?</translation>
    </message>
    <message>
        <source>The unsaved purchase was restored</source>
        <translation>The unsaved purchase was restored</translation>
    </message>
    <message>
        <source>Errors: %1, warnings: %2. See the marked fields.</source>
        <translation>Errors: %1, warnings: %2. See the marked fields.</translation>
    </message>
    <message>
        <source>Not saved yet: fix the marked fields first</source>
        <translation>Not saved yet: fix the marked fields first</translation>
    </message>
    <message>
        <source>Saving...</source>
        <translation>Saving...</translation>
    </message>
    <message>
        <source>Saved in the register as %1.</source>
        <translation>Saved in the register as %1.</translation>
    </message>
    <message>
        <source>Not saved: the register refused the entry; see the marked fields</source>
        <translation>Not saved: the register refused the entry; see the marked fields</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Not saved because of an unexpected error (%1); the form is kept</source>
        <translation>Not saved because of an unexpected error (%1); the form is kept</translation>
    </message>
    <message>
        <source>Correcting %1.</source>
        <translation>Correcting %1.</translation>
    </message>
    <message>
        <source>Choose an image of the ID document</source>
        <extracomment>True once the OCR model is loaded (warm_up, on the OCR lane at start).</extracomment>
        <translation>Choose an image of the ID document</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.webp *.pdf)</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>No camera found</translation>
    </message>
    <message>
        <source>Reading the document...</source>
        <translation>Reading the document...</translation>
    </message>
    <message>
        <source>Type the IMEI, serial or frame number first</source>
        <translation>Type the IMEI, serial or frame number first</translation>
    </message>
    <message>
        <source>Could not check: not connected to the DOR</source>
        <translation>Could not check: not connected to the DOR</translation>
    </message>
    <message>
        <source>Checking...</source>
        <translation>Checking...</translation>
    </message>
    <message>
        <source>Could not check: offline</source>
        <translation>Could not check: offline</translation>
    </message>
    <message>
        <source>Known as stolen. Do not buy; keep the conversation calm.</source>
        <translation>Known as stolen. Do not buy; keep the conversation calm.</translation>
    </message>
    <message>
        <source>Not known as stolen</source>
        <translation>Not known as stolen</translation>
    </message>
    <message>
        <source>Choose a photo of the item</source>
        <translation>Choose a photo of the item</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>Images (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <source>The photo could not be read: %1</source>
        <translation>The photo could not be read: %1</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Void %1</source>
        <translation>Void %1</translation>
    </message>
    <message>
        <source>for example: entered twice by mistake</source>
        <translation>for example: entered twice by mistake</translation>
    </message>
    <message>
        <source>Void entry</source>
        <translation>Void entry</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>The entry stays in the register; a void entry is added that cancels it.</source>
        <translation>The entry stays in the register; a void entry is added that cancels it.</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
</context>
<context>
    <name>ReceiptActions</name>
    <message>
        <source>Save receipt as PDF</source>
        <translation>Save receipt as PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved as %1</source>
        <translation>Receipt saved as %1</translation>
    </message>
    <message>
        <source>Receipt sent to the printer</source>
        <translation>Receipt sent to the printer</translation>
    </message>
    <message>
        <source>The receipt could not be made: %1</source>
        <translation>The receipt could not be made: %1</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Recovery key of the register</source>
        <translation>Recovery key of the register</translation>
    </message>
    <message>
        <source>The register is encrypted. Its key is kept in this computer&apos;s keyring. If this computer is lost or broken, the register can only be restored from a backup with the recovery key below.

Write it down or print it, and keep it in a safe place away from this computer. It is shown only this once.</source>
        <translation>The register is encrypted. Its key is kept in this computer&apos;s keyring. If this computer is lost or broken, the register can only be restored from a backup with the recovery key below.

Write it down or print it, and keep it in a safe place away from this computer. It is shown only this once.</translation>
    </message>
    <message>
        <source>Print...</source>
        <translation>Print...</translation>
    </message>
    <message>
        <source>I have written it down</source>
        <translation>I have written it down</translation>
    </message>
    <message>
        <source>Keep this paper in a safe place away from the computer.</source>
        <translation>Keep this paper in a safe place away from the computer.</translation>
    </message>
</context>
<context>
    <name>RegisterModel</name>
    <message>
        <source>Number</source>
        <extracomment>Pages kept in memory in window mode (10,000 rows: a few MB whatever the register&apos;s size).</extracomment>
        <translation>Number</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Seller</source>
        <translation>Seller</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>DOR</source>
        <translation>DOR</translation>
    </message>
    <message>
        <source>(removed)</source>
        <translation>(removed)</translation>
    </message>
    <message>
        <source>%1, late entry</source>
        <translation>%1, late entry</translation>
    </message>
    <message>
        <source>Hit</source>
        <translation>Hit</translation>
    </message>
    <message>
        <source>Hit: keep the goods apart. Open the alerts for what to do.</source>
        <translation>Hit: keep the goods apart. Open the alerts for what to do.</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Search (Ctrl+F): number, name, IMEI, serial or frame number</source>
        <translation>Search (Ctrl+F): number, name, IMEI, serial or frame number</translation>
    </message>
    <message>
        <source>from dd-mm-yyyy</source>
        <translation>from dd-mm-yyyy</translation>
    </message>
    <message>
        <source>to dd-mm-yyyy</source>
        <translation>to dd-mm-yyyy</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>All kinds</translation>
    </message>
    <message>
        <source>Every DOR state</source>
        <translation>Every DOR state</translation>
    </message>
    <message>
        <source>Not a date: type dd-mm-yyyy</source>
        <translation>Not a date: type dd-mm-yyyy</translation>
    </message>
</context>
<context>
    <name>RejectionsDialog</name>
    <message>
        <source>Refused by the DOR</source>
        <translation>Refused by the DOR</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>refused</translation>
    </message>
    <message>
        <source>conflict: call support</source>
        <translation>conflict: call support</translation>
    </message>
    <message>
        <source>Fix opens the entry in the purchase form as a correction; saving it sends it again.</source>
        <translation>Fix opens the entry in the purchase form as a correction; saving it sends it again.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fix (Enter)</source>
        <translation>Fix (Enter)</translation>
    </message>
    <message>
        <source>Show in register</source>
        <translation>Show in register</translation>
    </message>
</context>
<context>
    <name>SaleDialog</name>
    <message>
        <source>Record a sale from %1</source>
        <translation>Record a sale from %1</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Item %1</translation>
    </message>
    <message>
        <source>for example 150,00</source>
        <translation>for example 150,00</translation>
    </message>
    <message>
        <source>Record sale</source>
        <translation>Record sale</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Buyer</translation>
    </message>
    <message>
        <source>Price (EUR)</source>
        <translation>Price (EUR)</translation>
    </message>
    <message>
        <source>Enter the sale price, for example 150,00</source>
        <translation>Enter the sale price, for example 150,00</translation>
    </message>
</context>
<context>
    <name>ScanFolderWatcher</name>
    <message>
        <source>The scan could not be removed from the scan folder; please delete it yourself.</source>
        <translation>The scan could not be removed from the scan folder; please delete it yourself.</translation>
    </message>
    <message>
        <source>A scan in the scan folder could not be read; please scan again.</source>
        <translation>A scan in the scan folder could not be read; please scan again.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Welcome to DOR Desktop</source>
        <extracomment>The counter prefix as the settings module accepts it (checked here to explain it in Dutch).</extracomment>
        <translation>Welcome to DOR Desktop</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Three things and you can start: your shop, your counter, and how to reach the DOR. You can change all of it later under Settings.</source>
        <translation>Three things and you can start: your shop, your counter, and how to reach the DOR. You can change all of it later under Settings.</translation>
    </message>
    <message>
        <source>Register numbers start with this, e.g. K1-000001</source>
        <translation>Register numbers start with this, e.g. K1-000001</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>Shop name</translation>
    </message>
    <message>
        <source>Shop id</source>
        <translation>Shop id</translation>
    </message>
    <message>
        <source>Counter prefix</source>
        <translation>Counter prefix</translation>
    </message>
    <message>
        <source>Municipality rules</source>
        <translation>Municipality rules</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Dutch</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>folder where the scanner puts its files</source>
        <translation>folder where the scanner puts its files</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>Choose...</translation>
    </message>
    <message>
        <source>Every scan read from this folder is deleted from it straight away; only the masked copy may be kept.</source>
        <translation>Every scan read from this folder is deleted from it straight away; only the masked copy may be kept.</translation>
    </message>
    <message>
        <source>Scan folder</source>
        <translation>Scan folder</translation>
    </message>
    <message>
        <source>Keep a masked copy of the ID (photo and BSN made unreadable)</source>
        <translation>Keep a masked copy of the ID (photo and BSN made unreadable)</translation>
    </message>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock when idle after</source>
        <translation>Lock when idle after</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Practice with the sandbox (a practice DOR on this computer)</source>
        <translation>Practice with the sandbox (a practice DOR on this computer)</translation>
    </message>
    <message>
        <source>Connect to the DOR (the legal register)</source>
        <translation>Connect to the DOR (the legal register)</translation>
    </message>
    <message>
        <source>Practice entries stay in a practice register of their own and never reach the police. Connecting to the DOR switches to the legal register, which starts empty; switching back to practice later shows the practice register again. The program reopens to switch.</source>
        <translation>Practice entries stay in a practice register of their own and never reach the police. Connecting to the DOR switches to the legal register, which starts empty; switching back to practice later shows the practice register again. The program reopens to switch.</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty keeps the stored one</source>
        <translation>kept in the system keyring; empty keeps the stored one</translation>
    </message>
    <message>
        <source>DOR address</source>
        <translation>DOR address</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Client id</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client secret</translation>
    </message>
    <message>
        <source>The counter prefix is 1 to 8 capital letters or digits, for example K1</source>
        <translation>The counter prefix is 1 to 8 capital letters or digits, for example K1</translation>
    </message>
    <message>
        <source>The shop id is required (at most 32 characters)</source>
        <translation>The shop id is required (at most 32 characters)</translation>
    </message>
    <message>
        <source>The DOR address must start with https://</source>
        <translation>The DOR address must start with https://</translation>
    </message>
    <message>
        <source>Enter the DOR address, or choose the sandbox</source>
        <translation>Enter the DOR address, or choose the sandbox</translation>
    </message>
    <message>
        <source>Enter the client id you received for the DOR</source>
        <translation>Enter the client id you received for the DOR</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Making a backup of the register before the upgrade...</source>
        <translation>Making a backup of the register before the upgrade...</translation>
    </message>
    <message>
        <source>Upgrading the register...</source>
        <translation>Upgrading the register...</translation>
    </message>
    <message>
        <source>DOR Desktop cannot start</source>
        <translation>DOR Desktop cannot start</translation>
    </message>
    <message>
        <source>The data folder could not be opened: %1</source>
        <translation>The data folder could not be opened: %1</translation>
    </message>
    <message>
        <source>Opening the register...</source>
        <extracomment>The progress window shows only when opening takes longer than this (a migration, a backup). Windows of a register being switched away from, until their sync workers have stopped.</extracomment>
        <translation>Opening the register...</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>DOR: starting</source>
        <translation>DOR: starting</translation>
    </message>
    <message>
        <source>Sync now (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <source>DOR: connecting</source>
        <translation>DOR: connecting</translation>
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
        <translation>waiting: %1</translation>
    </message>
    <message>
        <source>oldest %1</source>
        <translation>oldest %1</translation>
    </message>
    <message>
        <source>last received %1</source>
        <translation>last received %1</translation>
    </message>
    <message>
        <source>retry at %1</source>
        <translation>retry at %1</translation>
    </message>
    <message>
        <source>To fix: %1</source>
        <translation>To fix: %1</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>under a minute</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 days</translation>
    </message>
    <message>
        <source>DOR: not set up</source>
        <translation>DOR: not set up</translation>
    </message>
    <message>
        <source>see Settings</source>
        <translation>see Settings</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
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
        <translation>Audio and video</translation>
    </message>
    <message>
        <source>Game console</source>
        <translation>Game console</translation>
    </message>
    <message>
        <source>Bicycle</source>
        <translation>Bicycle</translation>
    </message>
    <message>
        <source>E-bike</source>
        <translation>E-bike</translation>
    </message>
    <message>
        <source>Moped or scooter</source>
        <translation>Moped or scooter</translation>
    </message>
    <message>
        <source>Vehicle part</source>
        <translation>Vehicle part</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Tool</translation>
    </message>
    <message>
        <source>Watch</source>
        <translation>Watch</translation>
    </message>
    <message>
        <source>Jewellery</source>
        <translation>Jewellery</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>Gold</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>Silver</translation>
    </message>
    <message>
        <source>Platinum</source>
        <translation>Platinum</translation>
    </message>
    <message>
        <source>Copper</source>
        <translation>Copper</translation>
    </message>
    <message>
        <source>Other metal</source>
        <translation>Other metal</translation>
    </message>
    <message>
        <source>Gemstone</source>
        <translation>Gemstone</translation>
    </message>
    <message>
        <source>Art</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Musical instrument</source>
        <translation>Musical instrument</translation>
    </message>
    <message>
        <source>Other goods</source>
        <translation>Other goods</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Identity card</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Driving licence</translation>
    </message>
    <message>
        <source>Residence document</source>
        <translation>Residence document</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Other document</translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation>Purchase</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Pledge</source>
        <translation>Pledge</translation>
    </message>
    <message>
        <source>Trade-in</source>
        <translation>Trade-in</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>Gift</translation>
    </message>
    <message>
        <source>Consignment</source>
        <translation>Consignment</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Bank transfer</source>
        <translation>Bank transfer</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>No payment</source>
        <translation>No payment</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>Correction</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Void</translation>
    </message>
    <message>
        <source>Not queued</source>
        <translation>Not queued</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sending</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Will retry</translation>
    </message>
    <message>
        <source>Received by the DOR</source>
        <translation>Received by the DOR</translation>
    </message>
    <message>
        <source>Rejected: needs a fix</source>
        <translation>Rejected: needs a fix</translation>
    </message>
    <message>
        <source>Conflict: needs a look</source>
        <translation>Conflict: needs a look</translation>
    </message>
    <message>
        <source>Replaced by a correction</source>
        <translation>Replaced by a correction</translation>
    </message>
    <message>
        <source>IMEI</source>
        <translation>IMEI</translation>
    </message>
    <message>
        <source>serial number</source>
        <translation>serial number</translation>
    </message>
    <message>
        <source>frame number</source>
        <translation>frame number</translation>
    </message>
    <message>
        <source>description</source>
        <translation>description</translation>
    </message>
    <message>
        <source>exact match</source>
        <translation>exact match</translation>
    </message>
    <message>
        <source>partial match: compare carefully</source>
        <translation>partial match: compare carefully</translation>
    </message>
    <message>
        <source>ID document</source>
        <extracomment>Field names for messages that name a field (the DOR&apos;s refusals): by the path&apos;s last part.</extracomment>
        <translation>ID document</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>document number</translation>
    </message>
    <message>
        <source>issuing country</source>
        <translation>issuing country</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>expiry date</translation>
    </message>
    <message>
        <source>family name</source>
        <translation>family name</translation>
    </message>
    <message>
        <source>given names</source>
        <translation>given names</translation>
    </message>
    <message>
        <source>street</source>
        <translation>street</translation>
    </message>
    <message>
        <source>house number</source>
        <translation>house number</translation>
    </message>
    <message>
        <source>postcode</source>
        <translation>postcode</translation>
    </message>
    <message>
        <source>city</source>
        <translation>city</translation>
    </message>
    <message>
        <source>price</source>
        <translation>price</translation>
    </message>
</context>
</TS>
