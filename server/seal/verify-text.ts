/**
 * VERIFY.txt: how anyone checks the bundle offline, in French and in English. The stock check is
 * two commands that cannot both pass on a forged bundle: openssl checks SHA256SUMS's signature with
 * the key Plenum published (never with a key the folder brings along), then sha256sum checks every
 * file SHA256SUMS lists. The same as the seal page and `plenum verify` check.
 */
export function verifyText(fingerprint: string): string {
  const hex = fingerprint.replace(/ /g, '')
  return `VÉRIFIER CETTE MOTION (hors ligne)
===================================

Deux commandes, dans ce dossier. Un dossier falsifié ne passe pas les deux.

0. Procurez-vous la clé publique publiée par Plenum, hors de ce dossier : à l'adresse
   /api/keys/public du serveur du congrès, ou remise par le bureau (« plenum key show »).
   Enregistrez-la sous cle-publiee.pem. Son empreinte :
     openssl pkey -pubin -in cle-publiee.pem -outform DER | sha256sum
   doit donner : ${hex}
   (affichée aussi, par groupes, sur la page du sceau : ${fingerprint})

1. La signature de la liste des empreintes :
     openssl pkeyutl -verify -pubin -inkey cle-publiee.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
   Réponse attendue : « Signature Verified Successfully ».

2. L'empreinte de chaque fichier de la liste :
     sha256sum -c SHA256SUMS
   Chaque ligne doit finir par « OK », aucune ne doit manquer.

SHA256SUMS liste chaque fichier du dossier sauf lui-même et SHA256SUMS.sig. Un fichier qu'elle
ne liste pas ne fait pas partie de la motion scellée. Le fichier public-key.pem du dossier est
la clé qui a signé ; ne vous y fiez que si son empreinte est celle publiée.

3. Tout en une fois, avec en plus le recomptage de chaque scrutin, le journal des décisions, et
   chaque tableau et chaque décompte comparés à ceux inscrits au journal à la clôture :
     npx plenum verify CE_DOSSIER_OU_LE_ZIP --key cle-publiee.pem


VERIFYING THIS MOTION (offline)
===============================

Two commands, in this folder. A forged folder does not pass both.

0. Get the public key Plenum published, from outside this folder: at /api/keys/public on the
   congress's server, or from the bureau ("plenum key show"). Save it as published-key.pem.
   Its fingerprint:
     openssl pkey -pubin -in published-key.pem -outform DER | sha256sum
   must print: ${hex}

1. The signature of the list of digests:
     openssl pkeyutl -verify -pubin -inkey published-key.pem -rawin -in SHA256SUMS -sigfile SHA256SUMS.sig
   Expected answer: "Signature Verified Successfully".

2. The digest of every file on the list:
     sha256sum -c SHA256SUMS
   Every line must end with "OK", none may be missing.

SHA256SUMS lists every file of the folder but itself and SHA256SUMS.sig. A file it does not list
is not part of the sealed motion. The folder's public-key.pem is the key that signed; trust it
only if its fingerprint is the published one.

3. All at once, also recounting every ballot, checking the decision log, and comparing every
   board and count with those the log recorded at the close:
     npx plenum verify THIS_FOLDER_OR_THE_ZIP --key published-key.pem
`
}
