/** VERIFY.txt: how anyone checks the bundle offline, in French and in English. */
export function verifyText(fingerprint: string): string {
  return `VÉRIFIER CETTE MOTION (hors ligne)
===================================

Dans ce dossier :

1. Empreintes de chaque fichier :
     sha256sum -c SHA256SUMS
   Chaque ligne doit finir par « OK ».

2. Signature du manifeste (qui liste l'empreinte de chaque fichier) :
     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig
   Réponse attendue : « Signature Verified Successfully ».

3. La clé publique doit être celle que Plenum a publiée. Son empreinte :
     openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
   doit donner : ${fingerprint.replace(/ /g, '')}
   (affichée aussi, par groupes, sur la page de remise : ${fingerprint})

4. Tout en une fois, avec recomptage de chaque scrutin et vérification du journal :
     npx plenum verify CE_DOSSIER_OU_LE_ZIP --key public-key-publiee.pem


VERIFYING THIS MOTION (offline)
===============================

In this folder:

1. Each file's digest:
     sha256sum -c SHA256SUMS
   Every line must end with "OK".

2. The signature of the manifest (which lists every file's digest):
     openssl pkeyutl -verify -pubin -inkey public-key.pem -rawin -in manifest.json -sigfile manifest.sig
   Expected answer: "Signature Verified Successfully".

3. The public key must be the one Plenum published. Its fingerprint:
     openssl pkey -pubin -in public-key.pem -outform DER | sha256sum
   must print: ${fingerprint.replace(/ /g, '')}

4. All at once, recounting every ballot and checking the decision log:
     npx plenum verify THIS_FOLDER_OR_THE_ZIP --key published-public-key.pem
`
}
