-- Migration 2: client certificates registered to accounts for certificate login (/cert add).
-- fingerprint: 'SHA256:' and the 64 upper-case hex digits of the SHA-256 of the certificate's DER
-- bytes (Parley.Core.Security.CertificateFingerprint); one account per fingerprint.

CREATE TABLE client_certificates (
    fingerprint text   NOT NULL PRIMARY KEY,
    account_id  bigint NOT NULL REFERENCES accounts (id),
    added_utc   bigint NOT NULL,
    label       text   NULL
);

CREATE INDEX client_certificates_by_account ON client_certificates (account_id, added_utc);
