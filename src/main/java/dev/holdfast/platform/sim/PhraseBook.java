package dev.holdfast.platform.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What simulated customers say, per language: greetings, an opening and follow-ups per support
 * topic, thanks and goodbyes, and the names they give. Lines may hold the placeholders
 * {@value #ORDER} (an order number) and {@value #CARD} (last four digits of a card), which a
 * {@link CustomerScript} fills in once per customer so that the story stays consistent.
 */
public final class PhraseBook {
    public static final String ORDER = "{order}";
    public static final String CARD = "{card}";

    /** Everything one language offers. */
    public record Phrases(List<String> firstNames, List<String> lastNames, List<String> greetings,
                          Map<Topic, List<String>> openings, Map<Topic, List<String>> followUps,
                          List<String> thanks, List<String> goodbyes) {
        public Phrases {
            firstNames = List.copyOf(firstNames);
            lastNames = List.copyOf(lastNames);
            greetings = List.copyOf(greetings);
            openings = Map.copyOf(openings);
            followUps = Map.copyOf(followUps);
            thanks = List.copyOf(thanks);
            goodbyes = List.copyOf(goodbyes);
            for (Topic topic : Topic.values()) {
                if (openings.getOrDefault(topic, List.of()).isEmpty()
                        || followUps.getOrDefault(topic, List.of()).isEmpty()) {
                    throw new IllegalArgumentException("no lines for topic " + topic);
                }
            }
        }

        /** Every line (not names), placeholders unfilled. */
        public List<String> allLines() {
            List<String> all = new ArrayList<>(greetings);
            for (Topic topic : Topic.values()) {
                all.addAll(openings.get(topic));
                all.addAll(followUps.get(topic));
            }
            all.addAll(thanks);
            all.addAll(goodbyes);
            return all;
        }
    }

    private static final PhraseBook STANDARD = new PhraseBook(Map.of(
            Language.ENGLISH, english(),
            Language.SPANISH, spanish()));

    private final Map<Language, Phrases> byLanguage;

    public PhraseBook(Map<Language, Phrases> byLanguage) {
        this.byLanguage = new EnumMap<>(byLanguage);
        for (Language language : Language.values()) {
            if (!this.byLanguage.containsKey(language)) {
                throw new IllegalArgumentException("no phrases for " + language);
            }
        }
    }

    /** The built-in English and Spanish support-desk phrases. */
    public static PhraseBook standard() {
        return STANDARD;
    }

    public Phrases phrases(Language language) {
        return byLanguage.get(language);
    }

    private static Phrases english() {
        Map<Topic, List<String>> openings = new EnumMap<>(Topic.class);
        Map<Topic, List<String>> followUps = new EnumMap<>(Topic.class);
        openings.put(Topic.ORDERS, List.of(
                "I placed order {order} yesterday and I'd like to change the shipping address.",
                "Can you check the status of my order {order}? It still says processing.",
                "I ordered the wrong size by mistake, order {order}. Can I still change it?",
                "My order {order} arrived with one item missing."));
        followUps.put(Topic.ORDERS, List.of(
                "The new address is the same street, just apartment 4B instead of 4A.",
                "It was the blue one, size M, and I need the L.",
                "I have the confirmation email if you need it.",
                "Is there any way to speed it up? It's a birthday present.",
                "The package was sealed, so I don't think anything fell out."));
        openings.put(Topic.REFUNDS, List.of(
                "I returned order {order} two weeks ago and haven't seen the refund yet.",
                "How long does a refund usually take to show up on my card?",
                "I'd like a refund for order {order}, the product stopped working after a week.",
                "I was told I'd get a refund but the amount looks wrong."));
        followUps.put(Topic.REFUNDS, List.of(
                "I paid with the card ending in {card}.",
                "The tracking shows the return was delivered to your warehouse on Monday.",
                "I was refunded the item but not the shipping cost.",
                "Can you send me a confirmation by email?",
                "I still have the original packaging if that matters."));
        openings.put(Topic.DELIVERY, List.of(
                "My package was supposed to arrive today but the tracking hasn't moved in three days.",
                "The courier says order {order} was delivered but I never got it.",
                "Can I pick up my order at a store instead of having it delivered?",
                "Do you deliver on weekends? I'm not home during the week."));
        followUps.put(Topic.DELIVERY, List.of(
                "I checked with my neighbours and nobody has it.",
                "The tracking number starts with 1Z, if that helps.",
                "Could the courier leave it at the reception desk next time?",
                "I'll be home all afternoon tomorrow.",
                "Is there a phone number for the courier?"));
        openings.put(Topic.PASSWORDS, List.of(
                "I can't log in, the password reset email never arrives.",
                "My account got locked after I typed the wrong password a few times.",
                "I'd like to change the email address I use to sign in.",
                "The reset link says it has expired as soon as I click it."));
        followUps.put(Topic.PASSWORDS, List.of(
                "I already checked the spam folder.",
                "I'm using the same email as always, it's the one on my orders.",
                "I tried from my phone and from my laptop, same thing.",
                "Okay, let me try again now.",
                "It worked this time, I'm in."));
        openings.put(Topic.BILLING, List.of(
                "I was charged twice this month for my subscription.",
                "I need an invoice with my company's tax number on it.",
                "Why did my bill go up this month? Nothing changed on my side.",
                "My card ending in {card} was declined but I have funds on it."));
        followUps.put(Topic.BILLING, List.of(
                "Both charges are on the same day, a few minutes apart.",
                "The company name should be Northwind Traders Ltd.",
                "Can I pay by bank transfer instead?",
                "I'd like to update the card to a new one.",
                "I can send a screenshot of the statement if that helps."));
        openings.put(Topic.PLAN_CHANGES, List.of(
                "I'd like to upgrade from the Basic plan to Pro.",
                "How do I downgrade my plan? We don't need that many seats any more.",
                "Can I switch from monthly to yearly billing?",
                "I want to cancel my plan at the end of this billing period."));
        followUps.put(Topic.PLAN_CHANGES, List.of(
                "Will I lose any of my data if I switch?",
                "Does the change take effect right away or next month?",
                "Do I get a discount for paying yearly?",
                "We have twelve people on the team right now.",
                "Please go ahead and make the change."));
        return new Phrases(
                List.of("Emma", "Liam", "Olivia", "Noah", "Ava", "James", "Sophia", "Oliver", "Mia",
                        "Lucas", "Charlotte", "Ethan", "Amelia", "Jack", "Grace", "Henry"),
                List.of("Smith", "Johnson", "Brown", "Taylor", "Wilson", "Davies", "Evans", "Walker",
                        "Clarke", "Harris", "Lewis", "Robinson", "Thompson", "Wright"),
                List.of("Hi!", "Hello", "Hi there", "Good morning", "Hey, anyone there?"),
                openings, followUps,
                List.of("Thank you so much!", "Thanks, that's really helpful.", "Great, thanks for your help.",
                        "Perfect, thank you.", "Thanks for sorting that out so quickly."),
                List.of("Bye!", "Have a nice day, bye.", "That's all I needed, goodbye.", "Cheers, bye.",
                        "Take care, bye!"));
    }

    private static Phrases spanish() {
        Map<Topic, List<String>> openings = new EnumMap<>(Topic.class);
        Map<Topic, List<String>> followUps = new EnumMap<>(Topic.class);
        openings.put(Topic.ORDERS, List.of(
                "Hice el pedido {order} ayer y quiero cambiar la dirección de envío.",
                "¿Me podéis decir en qué estado está mi pedido {order}? Sigue en preparación.",
                "Me equivoqué de talla en el pedido {order}. ¿Todavía se puede cambiar?",
                "Me ha llegado el pedido {order} pero falta un artículo."));
        followUps.put(Topic.ORDERS, List.of(
                "La nueva dirección es la misma calle, pero el piso 4B en lugar del 4A.",
                "Era la camiseta azul, talla M, y necesito la L.",
                "Tengo el correo de confirmación si lo necesitáis.",
                "¿Hay alguna forma de que llegue antes? Es un regalo de cumpleaños.",
                "El paquete venía cerrado, no creo que se haya caído nada."));
        openings.put(Topic.REFUNDS, List.of(
                "Devolví el pedido {order} hace dos semanas y todavía no me ha llegado el reembolso.",
                "¿Cuánto suele tardar un reembolso en aparecer en la tarjeta?",
                "Quiero que me devolváis el dinero del pedido {order}, el producto dejó de funcionar a la semana.",
                "Me dijeron que me harían un reembolso pero el importe no cuadra."));
        followUps.put(Topic.REFUNDS, List.of(
                "Pagué con la tarjeta que termina en {card}.",
                "El seguimiento dice que la devolución llegó a vuestro almacén el lunes.",
                "Me devolvieron el artículo pero no los gastos de envío.",
                "¿Me podéis mandar una confirmación por correo?",
                "Todavía tengo el embalaje original, por si importa."));
        openings.put(Topic.DELIVERY, List.of(
                "Mi paquete tenía que llegar hoy pero el seguimiento no se mueve desde hace tres días.",
                "El repartidor dice que el pedido {order} está entregado pero yo no lo he recibido.",
                "¿Puedo recoger el pedido en tienda en vez de recibirlo en casa?",
                "¿Entregáis los fines de semana? Entre semana no estoy en casa."));
        followUps.put(Topic.DELIVERY, List.of(
                "Ya he preguntado a los vecinos y nadie lo tiene.",
                "El número de seguimiento empieza por ES, por si ayuda.",
                "¿Podría dejarlo el repartidor en conserjería la próxima vez?",
                "Mañana estaré en casa toda la tarde.",
                "¿Hay algún teléfono de la empresa de transporte?"));
        openings.put(Topic.PASSWORDS, List.of(
                "No puedo entrar, nunca me llega el correo para restablecer la contraseña.",
                "Se me ha bloqueado la cuenta después de poner mal la contraseña varias veces.",
                "Quiero cambiar el correo con el que inicio sesión.",
                "El enlace para restablecer la contraseña dice que ha caducado nada más abrirlo."));
        followUps.put(Topic.PASSWORDS, List.of(
                "Ya he mirado en la carpeta de spam.",
                "Uso el mismo correo de siempre, el de mis pedidos.",
                "Lo he probado desde el móvil y desde el portátil, y nada.",
                "Vale, lo intento otra vez ahora.",
                "Ahora sí ha funcionado, ya estoy dentro."));
        openings.put(Topic.BILLING, List.of(
                "Este mes me habéis cobrado dos veces la suscripción.",
                "Necesito una factura con el NIF de mi empresa.",
                "¿Por qué ha subido mi factura este mes? No he cambiado nada.",
                "Me han rechazado la tarjeta que termina en {card} y tiene saldo."));
        followUps.put(Topic.BILLING, List.of(
                "Los dos cargos son del mismo día, con pocos minutos de diferencia.",
                "La razón social es Distribuciones Norte S.L.",
                "¿Puedo pagar por transferencia bancaria?",
                "Quiero cambiar la tarjeta por una nueva.",
                "Os puedo mandar una captura del extracto si ayuda."));
        openings.put(Topic.PLAN_CHANGES, List.of(
                "Quiero pasar del plan Básico al plan Pro.",
                "¿Cómo bajo de plan? Ya no necesitamos tantas licencias.",
                "¿Puedo cambiar de pago mensual a anual?",
                "Quiero cancelar mi plan al final de este periodo de facturación."));
        followUps.put(Topic.PLAN_CHANGES, List.of(
                "¿Perderé algún dato si cambio de plan?",
                "¿El cambio se aplica ya o el mes que viene?",
                "¿Hay descuento si pago el año entero?",
                "Ahora mismo somos doce personas en el equipo.",
                "Adelante, haced el cambio por favor."));
        return new Phrases(
                List.of("Lucía", "Mateo", "Sofía", "Hugo", "Martina", "Daniel", "Valeria", "Pablo",
                        "Carmen", "Javier", "Elena", "Diego", "Paula", "Alejandro", "Julia", "Andrés"),
                List.of("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
                        "Pérez", "Gómez", "Ruiz", "Díaz", "Moreno", "Álvarez", "Romero"),
                List.of("¡Hola!", "Hola, buenas", "Buenos días", "Buenas tardes", "Hola, ¿hay alguien?"),
                openings, followUps,
                List.of("¡Muchas gracias!", "Gracias, me ha sido de gran ayuda.", "Genial, gracias por la ayuda.",
                        "Perfecto, gracias.", "Gracias por resolverlo tan rápido."),
                List.of("¡Adiós!", "Que tengas buen día, adiós.", "Eso era todo, hasta luego.",
                        "Un saludo, adiós.", "¡Hasta pronto!"));
    }
}
