"""What the template draws: the message split by zone, each part with its state and explanation."""
from .message import is_genuine, link_host


def _status(part, marked, result):
    if part["role"] == "plain":
        return "plain"
    if result is None:
        return "open"
    if part["role"] == "sign":
        return "found" if part["id"] in marked else "missed"
    return "wrong" if part["id"] in marked else "kept"


def message_view(message, marked, action, result):
    """Template data for a message; explanations and roles appear only once a result exists."""
    if not message:
        return None
    marked = set(marked or [])
    zones = {"sender": [], "subject": [], "body": [], "attachment": []}
    explained = []
    for part in message["parts"]:
        status = _status(part, marked, result)
        item = {
            "id": part["id"],
            "text": part["text"],
            "href": part["href"],
            "host": link_host(part["href"]) if part["href"] else "",
            "markable": part["role"] != "plain",
            "checked": part["id"] in marked,
            "status": status,
            "explanation": part["explanation"] if result is not None else "",
            "number": None,
        }
        if result is not None and item["markable"]:
            explained.append(item)
            item["number"] = len(explained)
        zones[part["zone"]].append(item)
    return {
        "channel": message["channel"],
        "sender_name": message["sender_name"],
        "initial": (message["sender_name"] or (zones["sender"][0]["text"] if zones["sender"] else "?")).lstrip(
            "<+( ")[:1].upper(),
        "sender_address": message["sender_address"],
        "subject": message["subject"],
        "received": message["received"],
        "context": message["context"],
        "zones": zones,
        "action": action,
        "result": result,
        "explained": explained,
        "genuine": is_genuine(message),
        "expected_action": message["expected_action"],
        "action_explanation": message["action_explanation"] if result is not None else "",
        "score_percent": round(result["score"] * 100) if result else None,
    }
