//! A part of a pack kept encoded until it is first read: what lets a compiled pack
//! ([`super::compiled`]) start without decoding what most commands never read.

use std::borrow::Cow;

/// A part of a pack that few commands read (its expectations, the places `lint` names),
/// kept in a compiled pack as its own encoding until first asked for, so that starting
/// hirewiz does not decode it. A pack made by the loader holds the value itself.
#[derive(Debug, Clone)]
pub(super) struct Deferred<T> {
    value: std::sync::OnceLock<T>,
    /// The part's encoding: borrowed from the encoding compiled in, like a pack's texts
    /// (see [`super::Text`]), rather than copied out of it.
    encoded: Cow<'static, [u8]>,
}

impl<T> Deferred<T> {
    /// A part that is there already.
    pub fn new(value: T) -> Deferred<T> {
        Deferred {
            value: std::sync::OnceLock::from(value),
            encoded: Cow::Borrowed(&[]),
        }
    }

    /// The part, decoded and finished by `finish` the first time it is asked for. An
    /// encoding that does not decode (one made before its type changed) is not taken for
    /// an empty part: `reread` gives it afresh, as a compiled pack whose whole does not
    /// decode is read from its texts.
    pub fn get_with(&self, reread: impl FnOnce() -> T, finish: impl FnOnce(&mut T)) -> &T
    where
        T: serde::de::DeserializeOwned,
    {
        self.value.get_or_init(|| {
            let mut v = postcard::from_bytes(&self.encoded).unwrap_or_else(|_| reread());
            finish(&mut v);
            v
        })
    }

    /// The part itself, when it is decoded or was never encoded.
    pub fn into_inner(self) -> Option<T> {
        self.value.into_inner()
    }

    /// The part, when it is decoded or was never encoded.
    pub fn get_mut(&mut self) -> Option<&mut T> {
        self.value.get_mut()
    }
}

impl<T: serde::Serialize> serde::Serialize for Deferred<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.value.get() {
            Some(v) => {
                let bytes = postcard::to_stdvec(v).map_err(serde::ser::Error::custom)?;
                s.serialize_bytes(&bytes)
            }
            None => s.serialize_bytes(&self.encoded),
        }
    }
}

/// Read from a source that lives as long as the program, the encoding borrows from it.
impl<'de: 'static, T> serde::Deserialize<'de> for Deferred<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl<'de: 'static> serde::de::Visitor<'de> for Bytes {
            type Value = Cow<'static, [u8]>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an encoded part of a pack")
            }
            fn visit_borrowed_bytes<E>(self, v: &'de [u8]) -> Result<Self::Value, E> {
                Ok(Cow::Borrowed(v))
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Self::Value, E> {
                Ok(Cow::Owned(v.to_vec()))
            }
        }
        Ok(Deferred {
            value: std::sync::OnceLock::new(),
            encoded: d.deserialize_bytes(Bytes)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::Deferred;

    #[test]
    fn a_part_that_does_not_decode_is_read_afresh() {
        // Bytes that are no encoding of a list of strings: a length far past the end.
        let stale = postcard::to_stdvec(&serde_bytes_of(&[0xff, 0xff, 0xff, 0x0f])).unwrap();
        let part: Deferred<Vec<String>> = postcard::from_bytes(stale.leak()).unwrap();
        let got = part.get_with(|| vec!["afresh".to_string()], |v| v.push("finished".into()));
        assert_eq!(got, &["afresh", "finished"]);
    }

    #[test]
    fn a_part_decodes_to_what_was_encoded() {
        let bytes = postcard::to_stdvec(&Deferred::new(vec!["a".to_string()])).unwrap();
        // Decoded parts borrow their encoding, which lives as long as the program.
        let part: Deferred<Vec<String>> = postcard::from_bytes(bytes.leak()).unwrap();
        assert_eq!(part.get_with(Vec::new, |_| {}), &["a"]);
    }

    /// A value that postcard writes as the bytes `b`, as `Deferred` writes its encoding.
    fn serde_bytes_of(b: &[u8]) -> impl serde::Serialize + '_ {
        struct Bytes<'a>(&'a [u8]);
        impl serde::Serialize for Bytes<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(self.0)
            }
        }
        Bytes(b)
    }
}
