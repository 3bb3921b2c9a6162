//! A part of a pack kept encoded until it is first read: what lets a compiled pack
//! ([`super::compiled`]) start without decoding what most commands never read.

/// A part of a pack that few commands read (its expectations, the places `lint` names),
/// kept in a compiled pack as its own encoding until first asked for, so that starting
/// hirewiz does not decode it. A pack made by the loader holds the value itself.
#[derive(Debug, Clone)]
pub(super) struct Deferred<T> {
    value: std::sync::OnceLock<T>,
    encoded: Box<[u8]>,
}

impl<T> Deferred<T> {
    /// A part that is there already.
    pub fn new(value: T) -> Deferred<T> {
        Deferred {
            value: std::sync::OnceLock::from(value),
            encoded: Box::default(),
        }
    }

    /// The part, decoded and finished by `finish` the first time it is asked for.
    pub fn get_with(&self, finish: impl FnOnce(&mut T)) -> &T
    where
        T: serde::de::DeserializeOwned + Default,
    {
        self.value.get_or_init(|| {
            // Made by `compile` from the same type, checked by the texts' hash and by the
            // test `compiled_pack`; it does not fail to decode.
            let mut v = postcard::from_bytes(&self.encoded).unwrap_or_default();
            finish(&mut v);
            v
        })
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

impl<'de, T> serde::Deserialize<'de> for Deferred<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Box<[u8]>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an encoded part of a pack")
            }
            fn visit_bytes<E>(self, v: &[u8]) -> Result<Box<[u8]>, E> {
                Ok(v.into())
            }
        }
        Ok(Deferred {
            value: std::sync::OnceLock::new(),
            encoded: d.deserialize_bytes(Bytes)?,
        })
    }
}
