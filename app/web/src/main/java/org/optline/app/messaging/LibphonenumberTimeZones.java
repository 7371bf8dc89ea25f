package org.optline.app.messaging;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.enterprise.context.ApplicationScoped;
import org.optline.messaging.api.PhoneTimeZones;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Time zones of phone numbers from libphonenumber's {@link PhoneNumberToTimeZonesMapper}, which maps a
 * number's prefix to the zones it is used in, or to the zones of its whole country when the prefix
 * tells nothing more. It lives in the app because its jar shares a package with libphonenumber's.
 */
@ApplicationScoped
public class LibphonenumberTimeZones implements PhoneTimeZones {

    @Override
    public List<ZoneId> zonesOf(String e164) {
        Phonenumber.PhoneNumber number;
        try {
            number = PhoneNumberUtil.getInstance().parse(e164, null);
        } catch (NumberParseException e) {
            return List.of();
        }
        List<ZoneId> zones = new ArrayList<>();
        for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
            if (id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                continue;
            }
            try {
                zones.add(ZoneId.of(id));
            } catch (DateTimeException e) {
                // A zone name the JDK does not know tells nothing usable, like an unknown zone.
            }
        }
        return zones;
    }
}
