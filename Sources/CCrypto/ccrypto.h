// OpenSSL's libcrypto, for HMAC-SHA256 webhook signatures. Only the one-shot
// HMAC() and EVP digests are used: they are not deprecated in OpenSSL 3.
#include <openssl/evp.h>
#include <openssl/hmac.h>
